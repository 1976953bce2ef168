import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../../shared/index.js';
import { describeError } from '../../../components/feedback/describe-error.js';
import { showFailure } from '../../../components/feedback/show-notification.js';
import { useUpdateMyLocale } from '../api/update-my-locale.js';

/** Returns a function that saves a language switch to the account, and says so if saving fails. */
export function useSaveLanguage(): (language: UiLanguage) => void {
  const { t } = useTranslation();
  const updateMyLocale = useUpdateMyLocale();
  return (language) =>
    updateMyLocale.mutate(language, {
      onError: (error) => showFailure(t('account.languageNotSaved'), describeError(error, t)),
    });
}
