import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SensitiveChangeKind, sensitiveChangeKinds } from '../../../shared/index.js';
import { PaginationBar } from '../../components/data/pagination-bar.js';
import { EmptyState } from '../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { type SensitiveChangesFilter, SensitiveChangesTable, useSensitiveChanges } from '../../features/privacy/index.js';
import { useCan } from '../session/session-context.js';

/** The data protection officer's (and the admin's) list of sensitive changes (decision 022). */
export function PrivacyPage() {
  const { t } = useTranslation();
  const canOpenClients = useCan('clients.read');
  const [filter, setFilter] = useState<SensitiveChangesFilter>({ kind: null, limit: 50, offset: 0 });
  const changes = useSensitiveChanges(filter);
  return (
    <>
      <PageHeader title={t('privacy.title')} description={t('privacy.intro')} />
      <Select
        label={t('privacy.kindFilter')}
        maw={360}
        mb="md"
        allowDeselect={false}
        value={filter.kind ?? 'all'}
        data={[
          { value: 'all', label: t('privacy.kindAll') },
          ...sensitiveChangeKinds.map((kind) => ({ value: kind, label: t(`privacy.kinds.${kind}`) })),
        ]}
        onChange={(value) => setFilter({ ...filter, offset: 0, kind: value && value !== 'all' ? (value as SensitiveChangeKind) : null })}
      />
      {changes.isError ? <ErrorAlert error={changes.error} /> : null}
      {changes.isPending ? (
        <LoadingState />
      ) : changes.data && changes.data.items.length === 0 ? (
        <EmptyState>{t('privacy.empty')}</EmptyState>
      ) : changes.data ? (
        <div aria-busy={changes.isFetching}>
          <SensitiveChangesTable changes={changes.data.items} canOpenClients={canOpenClients} />
          <PaginationBar
            total={changes.data.total}
            limit={filter.limit}
            offset={filter.offset}
            onOffsetChange={(offset) => setFilter({ ...filter, offset })}
            onLimitChange={(limit) => setFilter({ ...filter, limit, offset: 0 })}
          />
        </div>
      ) : null}
    </>
  );
}
