import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ListTasksQuery, taskStatuses } from '../../../../shared/index.js';
import { SelectField } from '../../../components/forms/select-field.js';
import { useAssignees } from '../api/find-assignees.js';

/** What the task list shows: whose tasks (`all` for everyone's), in which status, due when. */
export type TaskFilterState = {
  assignee: string;
  status: ListTasksQuery['status'];
  due: ListTasksQuery['due'] | 'any';
};

/** The API query of the filters. */
export function toTaskQuery(state: TaskFilterState): Partial<ListTasksQuery> {
  return {
    ...(state.assignee === 'all' ? {} : { assignee: state.assignee }),
    status: state.status,
    ...(state.due === 'any' ? {} : { due: state.due }),
  };
}

/** Filters of the task list: my tasks, the unassigned ones, a colleague's or everyone's; status; due date. */
export function TaskFilters({ state, onChange }: { state: TaskFilterState; onChange: (change: Partial<TaskFilterState>) => void }) {
  const { t } = useTranslation();
  const assignees = useAssignees();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md">
      <SelectField
        label={t('tasks.assignee')}
        w={{ base: '100%', xs: 220 }}
        allowDeselect={false}
        searchable
        data={[
          {
            group: t('tasks.filterGroups.common'),
            items: [
              { value: 'me', label: t('tasks.mine') },
              { value: 'unassigned', label: t('tasks.unassigned') },
              { value: 'all', label: t('tasks.everyone') },
            ],
          },
          {
            group: t('tasks.filterGroups.staff'),
            items: (assignees.data?.items ?? []).map((member) => ({ value: member.id, label: member.name })),
          },
        ]}
        value={state.assignee}
        onChange={(value) => value && onChange({ assignee: value })}
      />
      <SelectField
        label={t('tasks.status')}
        w={{ base: '100%', xs: 180 }}
        allowDeselect={false}
        data={[...taskStatuses, 'all' as const].map((status) => ({ value: status, label: t(`taskStatus.${status}`) }))}
        value={state.status}
        onChange={(value) => value && onChange({ status: value as TaskFilterState['status'] })}
      />
      <SelectField
        label={t('tasks.due')}
        w={{ base: '100%', xs: 180 }}
        allowDeselect={false}
        data={(['any', 'overdue', 'today', 'week'] as const).map((due) => ({ value: due, label: t(`tasks.dueFilter.${due}`) }))}
        value={state.due}
        onChange={(value) => value && onChange({ due: value as TaskFilterState['due'] })}
      />
    </Group>
  );
}
