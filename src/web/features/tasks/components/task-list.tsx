import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconPencil, IconRotate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskResponse } from '../../../../shared/index.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { showSuccess } from '../../../components/feedback/show-notification.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { formatClientName } from '../../clients/index.js';
import { useChangeTaskStatus } from '../api/change-task-status.js';
import { taskTitleOf } from './task-title.js';

type TaskListProps = {
  tasks: TaskResponse[];
  /** The centre's today (YYYY-MM-DD): overdue tasks are marked in words. */
  today: string;
  onEdit?: (task: TaskResponse) => void;
};

/** Tasks as a list that fits a phone: what, when, for whom, and the actions that close or reopen them. */
export function TaskList({ tasks, today, onEdit }: TaskListProps) {
  const { t } = useTranslation();
  const changeStatus = useChangeTaskStatus();
  const change = (task: TaskResponse, kind: 'complete' | 'reopen') =>
    changeStatus.mutate(
      { taskId: task.id, change: kind },
      { onSuccess: () => showSuccess(kind === 'complete' ? t('tasks.completed') : t('tasks.reopened')) },
    );

  return (
    <Stack gap="xs">
      {changeStatus.error ? <ErrorAlert error={changeStatus.error} /> : null}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {tasks.map((task) => (
          <TaskItem
            key={task.id}
            task={task}
            today={today}
            busy={changeStatus.isPending && changeStatus.variables?.taskId === task.id}
            onChange={(kind) => change(task, kind)}
            onEdit={onEdit}
          />
        ))}
      </Stack>
    </Stack>
  );
}

function TaskItem({
  task,
  today,
  busy,
  onChange,
  onEdit,
}: {
  task: TaskResponse;
  today: string;
  busy: boolean;
  onChange: (kind: 'complete' | 'reopen') => void;
  onEdit: ((task: TaskResponse) => void) | undefined;
}) {
  const { t } = useTranslation();
  const { formatDate, formatDateTime } = useFormat();
  const title = taskTitleOf(task, t, formatDate, today);
  const overdue = task.status === 'open' && task.dueOn < today;
  const closedBy = { name: task.completedBy?.name ?? '—', date: formatDateTime(task.completedAt) };
  const facts = [
    task.assignee ? t('tasks.assignedTo', { name: task.assignee.name }) : t('tasks.unassigned'),
    task.status === 'done' ? t('tasks.doneBy', closedBy) : task.status === 'cancelled' ? t('tasks.cancelledBy', closedBy) : null,
  ].filter(Boolean);

  return (
    <Paper component="li" withBorder radius="sm" p="sm">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} td={task.status === 'open' ? undefined : 'line-through'} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Text>
            {overdue ? (
              <Badge color="red" variant="light" maw="none">
                {t('tasks.overdue')}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm">
            {task.dueOn === today ? t('tasks.dueToday') : t('tasks.dueOnDate', { date: formatDate(task.dueOn) })}
            {task.client ? (
              <>
                {' · '}
                <Anchor component={Link} to={`/clients/${task.client.id}`} size="sm">
                  {`${formatClientName(task.client)} (${task.client.clientNumber})`}
                </Anchor>
              </>
            ) : null}
          </Text>
          <Text size="sm" c="dimmed">
            {facts.join(' · ')}
          </Text>
          {task.description ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {task.description}
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs" wrap="wrap">
          {task.status === 'open' ? (
            <Button
              size="compact-sm"
              leftSection={<IconCheck size={14} aria-hidden />}
              loading={busy}
              aria-label={t('tasks.completeNamed', { title })}
              onClick={() => onChange('complete')}
            >
              {t('tasks.complete')}
            </Button>
          ) : (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconRotate size={14} aria-hidden />}
              loading={busy}
              aria-label={t('tasks.reopenNamed', { title })}
              onClick={() => onChange('reopen')}
            >
              {t('tasks.reopen')}
            </Button>
          )}
          {task.status === 'open' && onEdit && !task.contentHidden ? (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconPencil size={14} aria-hidden />}
              aria-label={t('tasks.editNamed', { title })}
              onClick={() => onEdit(task)}
            >
              {t('common.edit')}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}
