import { Box, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { partnerKinds } from '../../../../shared/index.js';
import { SelectField } from '../../../components/forms/select-field.js';
import { useLanguageOptions } from '../../../components/intl/use-code-options.js';
import { languageOptionsFilter } from '../../../components/intl/language-options.js';
import type { PartnerListState } from './use-partner-list-state.js';

type PartnerFiltersProps = { state: PartnerListState; onChange: (changes: Partial<PartnerListState>) => void };

/** The search and the filters above the directory. */
export function PartnerFilters({ state, onChange }: PartnerFiltersProps) {
  const { t } = useTranslation();
  const languages = useLanguageOptions();
  const [text, setText] = useState(state.q);
  const pushSearch = useDebouncedCallback((value: string) => onChange({ q: value }), 300);
  useEffect(() => setText(state.q), [state.q]);

  return (
    <Box role="search" aria-label={t('partners.searchRegion')} mb="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          label={t('partners.search')}
          placeholder={t('partners.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            pushSearch(event.currentTarget.value);
          }}
        />
        <SelectField
          label={t('partners.kindLabel')}
          data={partnerKinds.map((kind) => ({ value: kind, label: t(`partners.kind.${kind}`) }))}
          clearable
          placeholder={t('common.any')}
          value={state.kind}
          onChange={(value) => onChange({ kind: value as PartnerListState['kind'] })}
        />
        <SelectField
          label={t('partners.language')}
          data={languages}
          filter={languageOptionsFilter}
          searchable
          clearable
          placeholder={t('common.any')}
          value={state.language}
          onChange={(value) => onChange({ language: value })}
        />
        <SelectField
          label={t('partners.show')}
          allowDeselect={false}
          data={[
            { value: 'false', label: t('partners.showActive') },
            { value: 'true', label: t('partners.showArchived') },
            { value: 'all', label: t('partners.showAll') },
          ]}
          value={state.archived}
          onChange={(value) => onChange({ archived: (value ?? 'false') as PartnerListState['archived'] })}
        />
      </SimpleGrid>
    </Box>
  );
}
