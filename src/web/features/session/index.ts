export { getMe, meQueryKey, useHasPermission, useMe } from './api/get-me.js';
export { useSignOut } from './api/sign-out.js';
export { SignInForm } from './components/sign-in-form.js';
