import { Outlet, useOutletContext } from 'react-router';
import type { Permission } from '../../../shared/index.js';
import { ForbiddenPage } from '../pages/forbidden-page.js';
import { useCan } from './session-context.js';

/**
 * Shows the nested routes only to users who hold the permission. The parent's outlet context (the
 * open client record, for the record's sections) passes through to them.
 */
export function RequirePermission({ permission }: { permission: Permission }) {
  const context = useOutletContext();
  return useCan(permission) ? <Outlet context={context} /> : <ForbiddenPage />;
}
