import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskResponse } from '../../../shared/index.js';
import { EmptyState } from '../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { useFormat } from '../../components/intl/use-format.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { SectionCard } from '../../components/layout/section-card.js';
import { DayAppointments } from '../../features/appointments/index.js';
import { PermitList, TaskDialog, TaskList, useMyDay } from '../../features/tasks/index.js';
import { useCan, useSession } from '../session/session-context.js';

/** How many tasks and permits My day shows; the task list has the rest. */
const shown = { limit: 20, offset: 0 };

/**
 * The start page of staff who manage tasks: today's appointments, tasks due today or overdue, and
 * residence permits about to expire.
 */
export function MyDayPage() {
  const { t } = useTranslation();
  const { formatDate, formatNumber } = useFormat();
  const me = useSession();
  const day = useMyDay(shown);
  const canSeeAppointments = useCan('appointments.read');
  const [dialog, setDialog] = useState<{ task?: TaskResponse } | null>(null);
  const more = (total: number) =>
    total > shown.limit ? t('myDay.showingSome', { shown: formatNumber(shown.limit), total: formatNumber(total) }) : null;

  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: me.name })}
        documentTitle={t('myDay.title')}
        description={day.data ? t('myDay.intro', { date: formatDate(day.data.date) }) : t('myDay.title')}
      />
      <Stack gap="lg">
        {canSeeAppointments && day.data ? (
          <SectionCard
            title={t('myDay.appointments')}
            id="my-day-appointments"
            actions={
              <Anchor component={Link} to="/calendar" size="sm">
                {t('myDay.calendar')}
              </Anchor>
            }
          >
            <DayAppointments staffId={me.id} date={day.data.date} />
          </SectionCard>
        ) : null}
        {day.isError ? <ErrorAlert error={day.error} /> : null}
        {day.isPending ? <LoadingState /> : null}
        {day.data ? (
          <>
            <SectionCard
              title={t('myDay.tasks')}
              id="my-day-tasks"
              actions={
                <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setDialog({})}>
                  {t('tasks.create')}
                </Button>
              }
            >
              {day.data.tasks.total === 0 ? (
                <EmptyState>{t('myDay.noTasks')}</EmptyState>
              ) : (
                <TaskList tasks={day.data.tasks.items} today={day.data.date} onEdit={(task) => setDialog({ task })} />
              )}
              <Group justify="space-between" gap="sm" mt="sm" wrap="wrap">
                <Text size="sm" c="dimmed">
                  {more(day.data.tasks.total)}
                </Text>
                <Anchor component={Link} to="/tasks" size="sm">
                  {t('myDay.allTasks')}
                </Anchor>
              </Group>
            </SectionCard>
            <SectionCard title={t('myDay.permits')} id="my-day-permits">
              {day.data.permits.total === 0 ? (
                <EmptyState>{t('myDay.noPermits')}</EmptyState>
              ) : (
                <PermitList permits={day.data.permits.items} myId={me.id} />
              )}
              {more(day.data.permits.total) ? (
                <Text size="sm" c="dimmed" mt="sm">
                  {more(day.data.permits.total)}
                </Text>
              ) : null}
            </SectionCard>
          </>
        ) : null}
      </Stack>
      {dialog ? <TaskDialog task={dialog.task} defaultAssigneeId={me.id} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
