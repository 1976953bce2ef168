export { useSettings } from './api/get-settings.js';
export { TwoFactorRolesForm } from './components/two-factor-roles-form.js';
