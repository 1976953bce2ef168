export { useFindUsers } from './api/find-users.js';
export { useResetUserTwoFactor } from './api/reset-user-two-factor.js';
export { useUpdateUser } from './api/update-user.js';
export { SetPasswordForm } from './components/set-password-form.js';
export { UserForm } from './components/user-form.js';
export { UserTable } from './components/user-table.js';
