export { ChangePasswordForm } from './components/change-password-form.js';
export { LanguageForm } from './components/language-form.js';
export { TwoFactorEnrolment } from './components/two-factor-enrolment.js';
export { TwoFactorPanel } from './components/two-factor-panel.js';
export { useSaveLanguage } from './components/use-save-language.js';
