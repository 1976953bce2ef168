import { Outlet } from 'react-router';
import type { Permission } from '../../../shared/index.js';
import { ForbiddenPage } from '../pages/forbidden-page.js';
import { useCan } from './session-context.js';

/** Shows the nested routes only to users who hold the permission. */
export function RequirePermission({ permission }: { permission: Permission }) {
  return useCan(permission) ? <Outlet /> : <ForbiddenPage />;
}
