import { Button, Group, SimpleGrid, Switch } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { consultationKinds } from '../../../../shared/index.js';
import { DateField } from '../../../components/forms/date-field.js';
import { SelectField } from '../../../components/forms/select-field.js';
import type { Option } from '../../../components/intl/use-code-options.js';
import type { ConsultationListState } from './use-consultation-list-state.js';

type ConsultationFiltersProps = {
  state: ConsultationListState;
  onChange: (changes: Partial<ConsultationListState>) => void;
  projects: Option[];
  /** The signed-in user, for "only mine". */
  myId: string;
};

/** When, what kind, whose and for which project: the filters of the consultation list. */
export function ConsultationFilters({ state, onChange, projects, myId }: ConsultationFiltersProps) {
  const { t } = useTranslation();
  const filtered = state.from || state.to || state.kind || state.anonymous || state.projectId || state.staffId;

  return (
    <search aria-label={t('consultations.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm" mb="xs">
        <DateField
          label={t('consultations.from')}
          value={state.from}
          onChange={(from) => onChange({ from })}
          maxDate={state.to ?? undefined}
        />
        <DateField label={t('consultations.to')} value={state.to} onChange={(to) => onChange({ to })} minDate={state.from ?? undefined} />
        <SelectField
          label={t('consultations.kind')}
          placeholder={t('common.any')}
          clearable
          data={consultationKinds.map((kind) => ({ value: kind, label: t(`consultations.kinds.${kind}`) }))}
          value={state.kind}
          onChange={(kind) => onChange({ kind: kind as ConsultationListState['kind'] })}
        />
        <SelectField
          label={t('consultations.clientFilter')}
          placeholder={t('common.any')}
          clearable
          data={[
            { value: 'false', label: t('consultations.namedOnly') },
            { value: 'true', label: t('consultations.anonymousOnly') },
          ]}
          value={state.anonymous}
          onChange={(anonymous) => onChange({ anonymous: anonymous as ConsultationListState['anonymous'] })}
        />
        <SelectField
          label={t('consultations.project')}
          placeholder={t('common.any')}
          clearable
          searchable
          data={projects}
          value={state.projectId}
          onChange={(projectId) => onChange({ projectId })}
        />
      </SimpleGrid>
      <Group gap="md" mb="md">
        <Switch
          label={t('consultations.onlyMine')}
          checked={state.staffId === myId}
          onChange={(event) => onChange({ staffId: event.currentTarget.checked ? myId : null })}
        />
        {filtered ? (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={14} aria-hidden />}
            onClick={() => onChange({ from: null, to: null, kind: null, anonymous: null, projectId: null, staffId: null })}
          >
            {t('consultations.clearFilters')}
          </Button>
        ) : null}
      </Group>
    </search>
  );
}
