import { Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PaginationBar } from '../../components/data/pagination-bar.js';
import { EmptyState } from '../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { ClientFilters, ClientTable, useClientListState, useFindClients } from '../../features/clients/index.js';
import { useCan } from '../session/session-context.js';
import { useBranchOptions, useProjectOptions } from './use-reference-options.js';

export function ClientsPage() {
  const { t } = useTranslation();
  const canWrite = useCan('clients.write');
  const { state, query, update } = useClientListState();
  const clients = useFindClients(query);
  const branches = useBranchOptions();
  const projects = useProjectOptions();

  return (
    <>
      <PageHeader
        title={t('clients.title')}
        description={t('clients.intro')}
        actions={
          canWrite ? (
            <Button component={Link} to="/clients/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('clients.new')}
            </Button>
          ) : null
        }
      />
      <ClientFilters state={state} onChange={update} projects={projects.options} branches={branches.options} />
      {clients.isError ? <ErrorAlert error={clients.error} /> : null}
      {clients.isPending ? (
        <LoadingState />
      ) : clients.data && clients.data.items.length === 0 ? (
        <EmptyState>
          {query.q || state.citizenship || state.residenceCategory || state.projectId || state.branchId
            ? t('clients.noMatches')
            : t('clients.empty')}
        </EmptyState>
      ) : clients.data ? (
        <div aria-busy={clients.isFetching}>
          {query.q ? (
            <Group gap="xs" mb="xs" wrap="wrap">
              <Text size="sm" c="dimmed">
                {state.sort === 'relevance' ? t('clients.sortedByRelevance') : t('clients.sortedByColumn')}
              </Text>
              {state.sort !== 'relevance' ? (
                <Button variant="subtle" size="compact-sm" onClick={() => update({ sort: 'relevance', order: 'asc' })}>
                  {t('clients.sortByRelevance')}
                </Button>
              ) : null}
            </Group>
          ) : null}
          <ClientTable
            clients={clients.data.items}
            state={state}
            onSort={(sort, order) => update({ sort, order })}
            branchNames={branches.names}
          />
          <PaginationBar
            total={clients.data.total}
            limit={state.limit}
            offset={state.offset}
            onOffsetChange={(offset) => update({ offset })}
            onLimitChange={(limit) => update({ limit })}
          />
        </div>
      ) : null}
    </>
  );
}
