import { Button, Chip, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TimelineKind, timelineKinds } from '../../../shared/index.js';
import { EmptyState } from '../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { SectionCard } from '../../components/layout/section-card.js';
import { useFormat } from '../../components/intl/use-format.js';
import { useTopicNames } from '../../features/counselling/index.js';
import { describePlanEvent } from '../../features/plans/index.js';
import { TimelineList, useTimeline } from '../../features/timeline/index.js';
import { useClientRecord } from './client-record-layout.js';

/** Everything that happened with a client, newest first, filterable by kind. */
export function ClientTimelinePage() {
  const { t } = useTranslation();
  const client = useClientRecord();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const timeline = useTimeline(client.id, kinds);
  const topics = useTopicNames();
  const { formatDate } = useFormat();
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <SectionCard title={t('timeline.title')} id="timeline">
      <Stack gap="md">
        <Chip.Group multiple value={kinds} onChange={(value) => setKinds(value as TimelineKind[])}>
          <Group gap="xs" role="group" aria-label={t('timeline.filterLabel')}>
            {timelineKinds.map((kind) => (
              <Chip key={kind} value={kind} size="sm">
                {t(`timeline.kindPlural.${kind}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {timeline.isPending ? <LoadingState /> : null}
        {timeline.isError ? <ErrorAlert error={timeline.error} /> : null}
        {timeline.isSuccess && entries.length === 0 ? <EmptyState>{t('timeline.empty')}</EmptyState> : null}
        {entries.length ? (
          <TimelineList
            entries={entries}
            topicLabel={topics.nameOf}
            describePlanChange={(entry) => describePlanEvent(entry.action, entry.details, t, formatDate)}
          />
        ) : null}
        {timeline.hasNextPage ? (
          <Group justify="center">
            <Button variant="default" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
              {t('timeline.older')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </SectionCard>
  );
}
