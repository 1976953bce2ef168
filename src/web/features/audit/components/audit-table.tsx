import { Anchor, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import { useFormat } from '../../../components/intl/use-format.js';
import type { AuditEvent } from '../api/find-audit-events.js';
import { describeAction, describeEntity, describeField, describeValue } from './describe-change.js';

type AuditTableProps = {
  events: AuditEvent[];
  branchNames: ReadonlyMap<string, string>;
  /** Staff names by id, when the viewer may list staff: events about an account then name it. */
  userNames: ReadonlyMap<string, string>;
  canOpenClients: boolean;
};

/** Audit events: when, who, what, on which record, which fields changed, from where. */
export function AuditTable({ events, branchNames, userNames, canOpenClients }: AuditTableProps) {
  const { t } = useTranslation();
  const format = useFormat();

  return (
    <ScrollTable label={t('audit.tableLabel')} minWidth={980} striped verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('audit.time')}</Table.Th>
          <Table.Th>{t('audit.actor')}</Table.Th>
          <Table.Th>{t('audit.action')}</Table.Th>
          <Table.Th>{t('audit.entity')}</Table.Th>
          <Table.Th>{t('audit.changes')}</Table.Th>
          <Table.Th>{t('audit.ip')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((event) => (
          <Table.Tr key={event.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.formatDateTime(event.at)}</Table.Td>
            <Table.Td>
              {event.actor ? (
                event.actor.name
              ) : (
                <Text span c="dimmed" inherit>
                  {t('audit.noActor')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {describeAction(event.action, t)}
              <MergedRecordNote action={event.action} details={event.details} />
            </Table.Td>
            <Table.Td>
              {describeEntity(event.entityType, t)}
              {event.client ? (
                <ClientOfEvent client={event.client} canOpen={canOpenClients} />
              ) : event.entityType === 'user' && event.entityId && (event.entityName ?? userNames.get(event.entityId)) ? (
                <Text size="sm">{event.entityName ?? userNames.get(event.entityId)}</Text>
              ) : event.entityId ? (
                <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {event.entityId}
                </Text>
              ) : null}
              {event.listed ? (
                <Text size="sm" c="dimmed">
                  {t('audit.listed', { count: event.listed.count })}
                  {event.listed.includesClient ? `, ${t('audit.listedIncludes')}` : ''}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              {event.changes.length === 0 ? (
                '—'
              ) : (
                <List size="sm" spacing={2}>
                  {event.changes.map((change) => (
                    <List.Item key={change.field}>
                      <Text span fw={600} inherit>
                        {describeField(change.field, t)}
                      </Text>
                      {'before' in change || 'after' in change
                        ? `: ${describeValue(change.field, change.before, t, format, branchNames)} → ${describeValue(change.field, change.after, t, format, branchNames)}`
                        : ''}
                    </List.Item>
                  ))}
                </List>
              )}
            </Table.Td>
            <Table.Td ff="monospace" fz="sm">
              {event.ip ?? '—'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** The client an entry is about: its number, with the name for readers who may see it, linked when they may open it. */
function ClientOfEvent({ client, canOpen }: { client: NonNullable<AuditEvent['client']>; canOpen: boolean }) {
  const label = [client.clientNumber, client.name].filter(Boolean).join(' · ') || client.id;
  return canOpen ? (
    <Anchor component={Link} to={`/clients/${client.id}`} size="sm" display="block">
      {label}
    </Anchor>
  ) : (
    <Text size="sm">{label}</Text>
  );
}

/** Which other record a merge event is about: its number is in the event's details. */
function MergedRecordNote({ action, details }: { action: string; details: AuditEvent['details'] }) {
  const { t } = useTranslation();
  const number = (key: string) => (typeof details?.[key] === 'string' ? (details[key] as string) : null);
  const text =
    action === 'client.merged' && number('duplicateNumber')
      ? t('audit.mergedFrom', { number: number('duplicateNumber') })
      : action === 'client.merged_away' && number('survivorNumber')
        ? t('audit.mergedInto', { number: number('survivorNumber') })
        : null;
  return text ? (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  ) : null;
}
