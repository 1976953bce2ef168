import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutboxMessageResponse } from '../../../../shared/index.js';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import { useFormat } from '../../../components/intl/use-format.js';

const statusColours = { pending: 'blue', sending: 'grape', sent: 'green', failed: 'red' } as const;

/** Messages to clients: when, how, to whom, what, and whether it went out. */
export function OutboxTable({ messages, canOpenClients }: { messages: readonly OutboxMessageResponse[]; canOpenClients: boolean }) {
  const { t } = useTranslation();
  const { formatDateTime, formatNumber } = useFormat();
  return (
    <ScrollTable label={t('outbox.tableLabel')} minWidth={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('outbox.createdAt')}</Table.Th>
          <Table.Th scope="col">{t('outbox.channelLabel')}</Table.Th>
          <Table.Th scope="col">{t('outbox.recipient')}</Table.Th>
          <Table.Th scope="col">{t('outbox.message')}</Table.Th>
          <Table.Th scope="col">{t('outbox.statusLabel')}</Table.Th>
          <Table.Th scope="col">{t('outbox.related')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {messages.map((message) => (
          <Table.Tr key={message.id}>
            <Table.Td>{formatDateTime(message.createdAt)}</Table.Td>
            <Table.Td>{t(`outbox.channel.${message.channel}`)}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{message.recipient}</Table.Td>
            <Table.Td maw={360}>
              <details>
                <summary>{message.subject ?? message.body.slice(0, 60)}</summary>
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  {message.body}
                </Text>
              </details>
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                <Badge component="span" variant="light" color={statusColours[message.status]} tt="none" radius="sm">
                  {t(`outbox.status.${message.status}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {message.sentAt
                    ? t('outbox.sentAt', { at: formatDateTime(message.sentAt), sender: message.sender ?? '' })
                    : t('outbox.sendAfter', { at: formatDateTime(message.sendAfter) })}
                </Text>
                {message.attempts > 0 && message.status !== 'sent' ? (
                  <Text size="xs" c="dimmed">
                    {t('outbox.attempts', { number: formatNumber(message.attempts) })}
                    {message.lastError ? ` · ${message.lastError}` : ''}
                  </Text>
                ) : null}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                {message.client ? (
                  canOpenClients ? (
                    <Anchor component={Link} to={`/clients/${message.client.id}`} size="sm">
                      {message.client.clientNumber}
                    </Anchor>
                  ) : (
                    <Text size="sm">{message.client.clientNumber}</Text>
                  )
                ) : null}
                {message.appointmentId ? (
                  <Anchor component={Link} to={`/appointments/${message.appointmentId}`} size="sm">
                    {t('outbox.openAppointment')}
                  </Anchor>
                ) : null}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
