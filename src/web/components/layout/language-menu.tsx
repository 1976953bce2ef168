import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type UiLanguage, uiLanguages } from '../../../shared/index.js';

/** Each language named in itself, so a reader finds their own whatever the current language is. */
export const languageNames: Record<UiLanguage, string> = { cs: 'Čeština', en: 'English', uk: 'Українська' };

type LanguageMenuProps = {
  /** Called after the UI switched, e.g. to save the choice to the user's account. */
  onChange?: (language: UiLanguage) => void;
};

/** Switches the UI language at once. */
export function LanguageMenu({ onChange }: LanguageMenuProps) {
  const { t, i18n } = useTranslation();
  const current = (uiLanguages as readonly string[]).includes(i18n.language) ? (i18n.language as UiLanguage) : 'cs';

  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          size="compact-md"
          leftSection={<IconLanguage size={18} aria-hidden />}
          aria-label={t('shell.languageLabel', { language: languageNames[current] })}
        >
          {current.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.language')}</Menu.Label>
        {uiLanguages.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            aria-current={language === current ? 'true' : undefined}
            rightSection={language === current ? <IconCheck size={16} aria-hidden /> : null}
            onClick={() => {
              if (language === current) return;
              void i18n.changeLanguage(language);
              onChange?.(language);
            }}
          >
            {languageNames[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
