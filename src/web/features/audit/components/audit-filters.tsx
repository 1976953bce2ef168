import { Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActions } from '../../../../shared/index.js';
import { DateField } from '../../../components/forms/date-field.js';
import { SelectField } from '../../../components/forms/select-field.js';
import type { Option } from '../../../components/intl/use-code-options.js';
import { useFormat } from '../../../components/intl/use-format.js';
import type { AuditListState } from './use-audit-list-state.js';

type AuditFiltersProps = {
  state: AuditListState;
  onChange: (changes: Partial<AuditListState>) => void;
  /** Staff to choose from; null when the viewer may not list users, who then types an id. */
  users: Option[] | null;
  clientIdValid: boolean;
};

/** Who, which client, what and when: the filters of the audit trail. */
export function AuditFilters({ state, onChange, users, clientIdValid }: AuditFiltersProps) {
  const { t } = useTranslation();
  const { compareText } = useFormat();
  const [clientId, setClientId] = useState(state.clientId ?? '');
  const [actorId, setActorId] = useState(state.actorId ?? '');
  useEffect(() => setClientId(state.clientId ?? ''), [state.clientId]);
  useEffect(() => setActorId(state.actorId ?? ''), [state.actorId]);

  const actionOptions = useMemo(
    () =>
      auditActions.map((action) => ({ value: action, label: t(`auditAction.${action}`) })).sort((a, b) => compareText(a.label, b.label)),
    [t, compareText],
  );
  const filtered = state.actorId || state.clientId || state.action || state.from || state.to;

  return (
    <search aria-label={t('audit.filters')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ clientId: clientId.trim() || null, actorId: users ? state.actorId : actorId.trim() || null });
        }}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm" mb="xs">
          {users ? (
            <SelectField
              label={t('audit.user')}
              data={users}
              searchable
              clearable
              placeholder={t('common.any')}
              value={state.actorId}
              onChange={(value) => onChange({ actorId: value })}
            />
          ) : (
            <TextInput
              label={t('audit.userId')}
              value={actorId}
              onChange={(event) => setActorId(event.currentTarget.value)}
              onBlur={() => onChange({ actorId: actorId.trim() || null })}
            />
          )}
          <TextInput
            label={t('audit.clientId')}
            value={clientId}
            error={clientIdValid ? undefined : t('validation.identifier')}
            onChange={(event) => setClientId(event.currentTarget.value)}
            onBlur={() => onChange({ clientId: clientId.trim() || null })}
          />
          <SelectField
            label={t('audit.action')}
            data={actionOptions}
            searchable
            clearable
            placeholder={t('common.any')}
            value={state.action}
            onChange={(value) => onChange({ action: (value as AuditListState['action']) ?? null })}
          />
          <DateField
            label={t('audit.from')}
            value={state.from}
            onChange={(value) => onChange({ from: value })}
            maxDate={state.to ?? undefined}
          />
          <DateField
            label={t('audit.to')}
            value={state.to}
            onChange={(value) => onChange({ to: value })}
            minDate={state.from ?? undefined}
          />
        </SimpleGrid>
        <Group gap="sm" mb="md">
          <Button type="submit" variant="light" size="xs">
            {t('audit.apply')}
          </Button>
          {filtered ? (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={14} aria-hidden />}
              onClick={() => onChange({ actorId: null, clientId: null, action: null, from: null, to: null })}
            >
              {t('audit.clearFilters')}
            </Button>
          ) : null}
        </Group>
      </form>
    </search>
  );
}
