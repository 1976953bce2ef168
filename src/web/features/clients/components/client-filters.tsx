import { Badge, Box, Button, Collapse, Group, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { residenceCategories } from '../../../../shared/index.js';
import { SelectField } from '../../../components/forms/select-field.js';
import type { Option } from '../../../components/intl/use-code-options.js';
import { useCountryOptions } from '../../../components/intl/use-code-options.js';
import type { ClientListState } from './use-client-list-state.js';

type ClientFiltersProps = {
  state: ClientListState;
  onChange: (changes: Partial<ClientListState>) => void;
  projects: Option[];
  branches: Option[];
};

/** The name search and the filters above the client list. */
export function ClientFilters({ state, onChange, projects, branches }: ClientFiltersProps) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const [text, setText] = useState(state.q);
  const pushSearch = useDebouncedCallback((value: string) => onChange({ q: value.trim() }), 350);

  // Another way of changing the search (clearing filters, the back button) shows in the box too.
  useEffect(() => setText(state.q), [state.q]);

  const residenceOptions = useMemo(() => residenceCategories.map((code) => ({ value: code, label: t(`residenceCategory.${code}`) })), [t]);
  const tooShort = text.trim().length === 1;
  const filterCount =
    [state.citizenship, state.residenceCategory, state.projectId, state.branchId].filter(Boolean).length +
    (state.archived !== 'false' ? 1 : 0);
  const filtered = Boolean(state.q) || filterCount > 0;
  // On a phone the filters fold away behind a button, so the list starts near the top.
  const isPhone = useMediaQuery('(max-width: 47.99em)', false);
  const [filtersOpened, setFiltersOpened] = useState(false);

  return (
    <Box role="search" aria-label={t('clients.searchRegion')} mb="md">
      <TextInput
        label={t('clients.search')}
        description={tooShort ? undefined : t('clients.searchHint')}
        error={tooShort ? t('clients.searchTooShort') : undefined}
        placeholder={t('clients.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          pushSearch(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onChange({ q: text.trim() });
          }
        }}
        mb="sm"
      />
      {isPhone ? (
        <Button
          variant="default"
          size="xs"
          mb="xs"
          leftSection={<IconAdjustmentsHorizontal size={14} aria-hidden />}
          rightSection={
            filterCount ? (
              <Badge size="xs" circle>
                {filterCount}
              </Badge>
            ) : null
          }
          aria-expanded={filtersOpened}
          aria-controls="client-filters"
          onClick={() => setFiltersOpened((opened) => !opened)}
        >
          {filtersOpened ? t('clients.hideFilters') : t('clients.showFilters')}
        </Button>
      ) : null}
      <Collapse expanded={!isPhone || filtersOpened} id="client-filters">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm" verticalSpacing="xs">
          <SelectField
            label={t('clients.citizenship')}
            data={countries}
            searchable
            clearable
            value={state.citizenship}
            onChange={(value) => onChange({ citizenship: value })}
            placeholder={t('common.any')}
          />
          <SelectField
            label={t('clients.residenceCategory')}
            data={residenceOptions}
            clearable
            value={state.residenceCategory}
            onChange={(value) => onChange({ residenceCategory: value })}
            placeholder={t('common.any')}
          />
          <SelectField
            label={t('clients.project')}
            data={projects}
            clearable
            value={state.projectId}
            onChange={(value) => onChange({ projectId: value, eligible: value ? (state.eligible ?? 'true') : null })}
            placeholder={t('common.any')}
          />
          <SelectField
            label={t('clients.eligible')}
            data={[
              { value: 'true', label: t('common.yes') },
              { value: 'false', label: t('common.no') },
            ]}
            clearable
            disabled={!state.projectId}
            value={state.eligible}
            onChange={(value) => onChange({ eligible: value === 'true' || value === 'false' ? value : null })}
            placeholder={state.projectId ? t('common.any') : t('clients.eligibleNeedsProject')}
          />
          <SelectField
            label={t('clients.branch')}
            data={branches}
            clearable
            value={state.branchId}
            onChange={(value) => onChange({ branchId: value })}
            placeholder={t('common.any')}
          />
          <SelectField
            label={t('clients.archivedFilter')}
            data={[
              { value: 'false', label: t('clients.archivedNo') },
              { value: 'true', label: t('clients.archivedYes') },
              { value: 'all', label: t('clients.archivedAll') },
            ]}
            allowDeselect={false}
            value={state.archived}
            onChange={(value) => onChange({ archived: value === 'true' || value === 'all' ? value : 'false' })}
          />
        </SimpleGrid>
      </Collapse>
      {filtered ? (
        <Group mt="sm">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={14} aria-hidden />}
            onClick={() =>
              onChange({
                q: '',
                citizenship: null,
                residenceCategory: null,
                projectId: null,
                eligible: null,
                branchId: null,
                archived: 'false',
              })
            }
          >
            {t('clients.clearFilters')}
          </Button>
        </Group>
      ) : null}
    </Box>
  );
}
