export { useSetupStatus } from './api/get-setup-status.js';
export { SetupForm } from './components/setup-form.js';
