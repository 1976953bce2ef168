import { SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ListOutboxQuery, outboxChannels, outboxStatuses } from '../../../shared/index.js';
import { PaginationBar } from '../../components/data/pagination-bar.js';
import { EmptyState } from '../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { SelectField } from '../../components/forms/select-field.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { OutboxTable, useOutboxMessages } from '../../features/appointments/index.js';
import { useCan } from '../session/session-context.js';

/** Messages to clients (appointment reminders): queued, sent and failed. */
export function OutboxPage() {
  const { t } = useTranslation();
  const canOpenClients = useCan('clients.read');
  const [query, setQuery] = useState<Partial<ListOutboxQuery>>({ limit: 50, offset: 0 });
  const messages = useOutboxMessages(query);
  const limit = query.limit ?? 50;

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mb="md" maw={560}>
        <SelectField
          label={t('outbox.statusLabel')}
          placeholder={t('common.any')}
          data={outboxStatuses.map((status) => ({ value: status, label: t(`outbox.status.${status}`) }))}
          value={query.status ?? null}
          onChange={(status) =>
            setQuery((current) => ({ ...current, status: (status as ListOutboxQuery['status']) ?? undefined, offset: 0 }))
          }
          clearable
        />
        <SelectField
          label={t('outbox.channelLabel')}
          placeholder={t('common.any')}
          data={outboxChannels.map((channel) => ({ value: channel, label: t(`outbox.channel.${channel}`) }))}
          value={query.channel ?? null}
          onChange={(channel) =>
            setQuery((current) => ({ ...current, channel: (channel as ListOutboxQuery['channel']) ?? undefined, offset: 0 }))
          }
          clearable
        />
      </SimpleGrid>
      {messages.isError ? <ErrorAlert error={messages.error} /> : null}
      {messages.isPending ? (
        <LoadingState />
      ) : messages.data && messages.data.items.length === 0 ? (
        <EmptyState>{t('outbox.empty')}</EmptyState>
      ) : messages.data ? (
        <div aria-busy={messages.isFetching}>
          <OutboxTable messages={messages.data.items} canOpenClients={canOpenClients} />
          <PaginationBar
            total={messages.data.total}
            limit={limit}
            offset={query.offset ?? 0}
            onOffsetChange={(offset) => setQuery((current) => ({ ...current, offset }))}
            onLimitChange={(next) => setQuery((current) => ({ ...current, limit: next, offset: 0 }))}
          />
        </div>
      ) : null}
    </>
  );
}
