import { Badge, Group, Text, ThemeIcon } from '@mantine/core';
import { IconCalendarEvent, IconEdit, IconFileText, IconLock, IconMessages, IconShare, IconTargetArrow } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ContentHiddenNotice } from '../../../components/feedback/content-hidden-notice.js';
import { useHasPermission } from '../../session/index.js';
import type { TimelineEntry, TimelineKind } from '../../../../shared/index.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { describeAction, describeField } from '../../audit/index.js';
import classes from './timeline-list.module.css';

const icons: Record<TimelineKind, typeof IconMessages> = {
  consultation: IconMessages,
  appointment: IconCalendarEvent,
  plan: IconTargetArrow,
  referral: IconShare,
  document: IconFileText,
  record: IconEdit,
};

type TimelineListProps = {
  entries: readonly TimelineEntry[];
  /** A topic's name in the UI language, from the configured topic list. */
  topicLabel: (code: string) => string;
  /** One line on a plan change from its recorded facts (area, status, steps …), or null. */
  describePlanChange: (entry: Extract<TimelineEntry, { kind: 'plan' }>) => string | null;
};

/** A client's timeline as an ordered list, newest first: what happened, when and by whom. */
export function TimelineList({ entries, topicLabel, describePlanChange }: TimelineListProps) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormat();
  const readsContent = useHasPermission('counselling.content');
  return (
    <ol className={classes.list}>
      {entries.map((entry) => {
        const Icon = icons[entry.kind];
        return (
          <li key={`${entry.kind}-${entry.id}`} className={classes.entry}>
            <ThemeIcon variant="light" size="lg" radius="xl" aria-hidden>
              <Icon size={18} />
            </ThemeIcon>
            <div className={classes.body}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{titleOf(entry, t)}</Text>
                <Badge variant="light" color="gray">
                  {t(`timeline.kind.${entry.kind}`)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                {entry.staff ? ` · ${entry.staff.name}` : ''}
              </Text>
              {entry.kind === 'plan' && entry.contentHidden ? (
                <ContentHiddenNotice inline />
              ) : entry.kind === 'plan' ? (
                <Text size="sm">{describePlanChange(entry)}</Text>
              ) : (
                detailsOf(entry, t, topicLabel, readsContent)
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

const referralStatuses = ['sent', 'accepted', 'completed', 'declined', 'cancelled'] as const;
const isReferralStatus = (status: string): status is (typeof referralStatuses)[number] =>
  (referralStatuses as readonly string[]).includes(status);

function titleOf(entry: TimelineEntry, t: TFunction): string {
  switch (entry.kind) {
    case 'consultation':
      return t(`timeline.consultationKind.${entry.consultationKind}`);
    case 'appointment':
      return t(`timeline.appointmentStatus.${entry.status}`);
    case 'plan':
    case 'record':
      return describeAction(entry.action, t);
    case 'referral':
      return t('timeline.referralTo', { partner: entry.partner.name });
    case 'document':
      return entry.fileName ?? t('timeline.confidentialDocument');
  }
}

function detailsOf(entry: TimelineEntry, t: TFunction, topicLabel: (code: string) => string, readsContent: boolean): ReactNode {
  switch (entry.kind) {
    case 'consultation':
      if (entry.contentHidden && !readsContent) return <ContentHiddenNotice inline />;
      if (entry.contentHidden) {
        return (
          <Group gap={4} wrap="nowrap">
            <IconLock size={14} aria-hidden />
            <Text size="sm">
              {entry.durationMinutes !== null ? `${t('timeline.minutes', { count: entry.durationMinutes })} · ` : ''}
              {t('timeline.contentHidden')}
            </Text>
          </Group>
        );
      }
      return (
        <Text size="sm">
          {[
            entry.durationMinutes !== null ? t('timeline.minutes', { count: entry.durationMinutes }) : null,
            entry.topics.map(topicLabel).join(', ') || null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      );
    case 'appointment':
      return entry.place ? <Text size="sm">{entry.place}</Text> : null;
    case 'referral':
      return <Text size="sm">{isReferralStatus(entry.status) ? t(`timeline.referralStatus.${entry.status}`) : entry.status}</Text>;
    case 'record':
      return entry.changes.length ? (
        <Text size="sm">{entry.changes.map((change) => describeField(change.field, t)).join(', ')}</Text>
      ) : null;
    default:
      return null;
  }
}
