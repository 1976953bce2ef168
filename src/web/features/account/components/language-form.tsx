import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type UiLanguage, uiLanguages } from '../../../../shared/index.js';
import { languageNames } from '../../../components/layout/language-menu.js';
import { useSaveLanguage } from './use-save-language.js';

/** The user's UI language: applied at once and saved to the account. */
export function LanguageForm() {
  const { t, i18n } = useTranslation();
  const saveLanguage = useSaveLanguage();
  return (
    <Stack gap="xs">
      <Text id="language-label" size="sm" fw={500}>
        {t('account.languageLabel')}
      </Text>
      <SegmentedControl
        aria-labelledby="language-label"
        value={i18n.language}
        onChange={(value) => {
          void i18n.changeLanguage(value);
          saveLanguage(value as UiLanguage);
        }}
        data={uiLanguages.map((language) => ({ value: language, label: <span lang={language}>{languageNames[language]}</span> }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <Text size="sm" c="dimmed">
        {t('account.languageHint')}
      </Text>
    </Stack>
  );
}
