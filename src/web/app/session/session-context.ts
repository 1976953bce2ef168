import { createContext, useContext } from 'react';
import { hasPermission, type MeResponse, type Permission } from '../../../shared/index.js';

export const SessionContext = createContext<MeResponse | null>(null);

/** The signed-in user; only inside the session guard. */
export function useSession(): MeResponse {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession is used outside the signed-in part of the app');
  return me;
}

/** Whether the signed-in user may do something (the server decides anyway; this only hides what would fail). */
export function useCan(permission: Permission): boolean {
  const me = useSession();
  return hasPermission(me.roles, permission);
}
