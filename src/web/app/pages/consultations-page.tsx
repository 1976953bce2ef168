import { Button } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PaginationBar } from '../../components/data/pagination-bar.js';
import { EmptyState } from '../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { PageHeader } from '../../components/layout/page-header.js';
import {
  ConsultationFilters,
  ConsultationTable,
  useConsultationListState,
  useFindConsultations,
} from '../../features/counselling/index.js';
import { useCan, useSession } from '../session/session-context.js';
import { useConsultationReferenceOptions } from './consultation-reference-options.js';

/** Every consultation, anonymous ones too, filtered by day, kind, staff and project. */
export function ConsultationsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canWrite = useCan('counselling.write');
  const { state, query, update } = useConsultationListState();
  const consultations = useFindConsultations(query);
  const reference = useConsultationReferenceOptions();

  return (
    <>
      <PageHeader
        title={t('consultations.title')}
        description={t('consultations.intro')}
        actions={
          canWrite ? (
            <Button component={Link} to="/consultations/anonymous/new" leftSection={<IconUserQuestion size={16} aria-hidden />}>
              {t('consultations.recordAnonymous')}
            </Button>
          ) : null
        }
      />
      <ConsultationFilters
        state={state}
        onChange={update}
        projects={[...reference.projects.names].map(([value, label]) => ({ value, label }))}
        myId={me.id}
      />
      {consultations.isError ? <ErrorAlert error={consultations.error} /> : null}
      {consultations.isPending ? (
        <LoadingState />
      ) : consultations.data && consultations.data.items.length === 0 ? (
        <EmptyState>{t('consultations.empty')}</EmptyState>
      ) : consultations.data ? (
        <div aria-busy={consultations.isFetching}>
          <ConsultationTable consultations={consultations.data.items} showClient />
          <PaginationBar
            total={consultations.data.total}
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
