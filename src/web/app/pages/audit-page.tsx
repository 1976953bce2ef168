import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PaginationBar } from '../../components/data/pagination-bar.js';
import { EmptyState } from '../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { AuditExportButton, AuditFilters, AuditTable, useAuditListState, useFindAuditEvents } from '../../features/audit/index.js';
import { useFindUsers } from '../../features/users/index.js';
import { useCan } from '../session/session-context.js';
import { useBranchOptions } from './use-reference-options.js';

export function AuditPage() {
  const { t } = useTranslation();
  const canListUsers = useCan('users.manage');
  const canReadClients = useCan('clients.read');
  const { state, query, update, clientIdValid, clientNumberValid } = useAuditListState();
  const events = useFindAuditEvents(query);
  const users = useFindUsers({ active: 'all', limit: 100 }, { enabled: canListUsers });
  const branches = useBranchOptions();
  const userOptions = useMemo(
    () => (canListUsers ? (users.data?.items ?? []).map((user) => ({ value: user.id, label: `${user.name} (${user.email})` })) : null),
    [canListUsers, users.data],
  );

  const userNames = useMemo(() => new Map((users.data?.items ?? []).map((user) => [user.id, user.name])), [users.data]);

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <AuditFilters
        state={state}
        onChange={update}
        users={userOptions}
        clientIdValid={clientIdValid}
        clientNumberValid={clientNumberValid}
      />
      {events.data && events.data.total > 0 ? <AuditExportButton query={query} total={events.data.total} /> : null}
      {events.isError ? <ErrorAlert error={events.error} /> : null}
      {events.isPending ? (
        <LoadingState />
      ) : events.data && events.data.items.length === 0 ? (
        <EmptyState>{t('audit.empty')}</EmptyState>
      ) : events.data ? (
        <div aria-busy={events.isFetching}>
          <AuditTable events={events.data.items} branchNames={branches.names} userNames={userNames} canOpenClients={canReadClients} />
          <PaginationBar
            total={events.data.total}
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
