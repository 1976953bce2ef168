import { Button, Group, SimpleGrid, Text, TextInput } from '@mantine/core';
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
  clientNumberValid: boolean;
};

/** Who, which client, what and when: the filters of the audit trail. */
export function AuditFilters({ state, onChange, users, clientIdValid, clientNumberValid }: AuditFiltersProps) {
  const { t } = useTranslation();
  const { compareText } = useFormat();
  const [clientNumber, setClientNumber] = useState(state.clientNumber ?? '');
  const [actorId, setActorId] = useState(state.actorId ?? '');
  useEffect(() => setClientNumber(state.clientNumber ?? ''), [state.clientNumber]);
  useEffect(() => setActorId(state.actorId ?? ''), [state.actorId]);

  const actionOptions = useMemo(
    () =>
      auditActions.map((action) => ({ value: action, label: t(`auditAction.${action}`) })).sort((a, b) => compareText(a.label, b.label)),
    [t, compareText],
  );
  const filtered = state.actorId || state.clientId || state.clientNumber || state.action || state.from || state.to;

  return (
    <search aria-label={t('audit.filters')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ clientNumber: clientNumber.trim() || null, actorId: users ? state.actorId : actorId.trim() || null });
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
            label={t('audit.clientNumber')}
            placeholder="2026-00042"
            inputMode="numeric"
            value={clientNumber}
            error={clientNumberValid ? undefined : t('audit.clientNumberInvalid')}
            onChange={(event) => setClientNumber(event.currentTarget.value)}
            onBlur={() => onChange({ clientNumber: clientNumber.trim() || null })}
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
        {state.clientId ? (
          <Group gap="xs" mb="xs">
            <Text size="sm" c={clientIdValid ? undefined : 'red'}>
              {clientIdValid ? t('audit.byClientRecord') : t('validation.identifier')}
            </Text>
            <Button variant="subtle" size="compact-xs" onClick={() => onChange({ clientId: null })}>
              {t('audit.clearClient')}
            </Button>
          </Group>
        ) : null}
        <Group gap="sm" mb="md">
          <Button type="submit" variant="light" size="xs">
            {t('audit.apply')}
          </Button>
          {filtered ? (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={14} aria-hidden />}
              onClick={() => onChange({ actorId: null, clientId: null, clientNumber: null, action: null, from: null, to: null })}
            >
              {t('audit.clearFilters')}
            </Button>
          ) : null}
        </Group>
      </form>
    </search>
  );
}
