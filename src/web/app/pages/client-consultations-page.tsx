import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PaginationBar } from '../../components/data/pagination-bar.js';
import { EmptyState } from '../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { SectionCard } from '../../components/layout/section-card.js';
import { ConsultationTable, useClientConsultations } from '../../features/counselling/index.js';
import { useCan } from '../session/session-context.js';
import { useClientRecord } from './client-record-layout.js';
import { ForbiddenPage } from './forbidden-page.js';

/** The consultations section of a client's record, for those who may read consultations. */
export function ClientConsultationsPage() {
  return useCan('counselling.read') ? <ClientConsultations /> : <ForbiddenPage />;
}

/** The client's consultations, newest first, and a way to record the next one. */
function ClientConsultations() {
  const { t } = useTranslation();
  const client = useClientRecord();
  const canWrite = useCan('counselling.write');
  const [paging, setPaging] = useState({ limit: 25, offset: 0 });
  const consultations = useClientConsultations(client.id, paging);

  return (
    <SectionCard
      title={t('consultations.title')}
      id="consultations"
      actions={
        canWrite && !client.archived ? (
          <Button component={Link} to={`/clients/${client.id}/consultations/new`} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('consultations.record')}
          </Button>
        ) : null
      }
    >
      {consultations.isPending ? (
        <LoadingState />
      ) : consultations.isError ? (
        <ErrorAlert error={consultations.error} />
      ) : consultations.data.total === 0 ? (
        <EmptyState>{t('consultations.emptyForClient')}</EmptyState>
      ) : (
        <div aria-busy={consultations.isFetching}>
          <ConsultationTable consultations={consultations.data.items} />
          <PaginationBar
            total={consultations.data.total}
            limit={paging.limit}
            offset={paging.offset}
            onOffsetChange={(offset) => setPaging({ ...paging, offset })}
            onLimitChange={(limit) => setPaging({ limit, offset: 0 })}
          />
        </div>
      )}
    </SectionCard>
  );
}
