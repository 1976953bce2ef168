export { useFindUsers } from './api/find-users.js';
export { useUpdateUser } from './api/update-user.js';
export { UserForm } from './components/user-form.js';
export { UserTable } from './components/user-table.js';
