import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TaskResponse, toCentreDate } from '../../../shared/index.js';
import { PaginationBar } from '../../components/data/pagination-bar.js';
import { EmptyState } from '../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { TaskDialog, type TaskFilterState, TaskFilters, TaskList, toTaskQuery, useFindTasks } from '../../features/tasks/index.js';
import { useSession } from '../session/session-context.js';

/** Tasks: mine by default, the unassigned ones, a colleague's or everyone's, with filters; create, change, complete. */
export function TasksPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [filters, setFilters] = useState<TaskFilterState>({ assignee: 'me', status: 'open', due: 'any' });
  const [paging, setPaging] = useState({ limit: 25, offset: 0 });
  const [dialog, setDialog] = useState<{ task?: TaskResponse } | null>(null);
  const tasks = useFindTasks({ ...toTaskQuery(filters), ...paging });
  const today = toCentreDate(new Date());

  return (
    <>
      <PageHeader
        title={t('tasks.pageTitle')}
        description={t('tasks.intro')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({})}>
            {t('tasks.create')}
          </Button>
        }
      />
      <TaskFilters
        state={filters}
        onChange={(change) => {
          setFilters({ ...filters, ...change });
          setPaging({ ...paging, offset: 0 });
        }}
      />
      {tasks.isError ? <ErrorAlert error={tasks.error} /> : null}
      {tasks.isPending ? (
        <LoadingState />
      ) : tasks.data?.total === 0 ? (
        <EmptyState>{t('tasks.none')}</EmptyState>
      ) : tasks.data ? (
        <div aria-busy={tasks.isFetching}>
          <TaskList tasks={tasks.data.items} today={today} onEdit={(task) => setDialog({ task })} />
          <PaginationBar
            total={tasks.data.total}
            limit={paging.limit}
            offset={paging.offset}
            onOffsetChange={(offset) => setPaging({ ...paging, offset })}
            onLimitChange={(limit) => setPaging({ limit, offset: 0 })}
          />
        </div>
      ) : null}
      {dialog ? <TaskDialog task={dialog.task} defaultAssigneeId={me.id} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
