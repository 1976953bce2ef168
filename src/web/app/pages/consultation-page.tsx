import { Button } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { mayChangeConsultation } from '../../../shared/index.js';
import { isApiError } from '../../components/api/api-error.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { useFormat } from '../../components/intl/use-format.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { formatClientName } from '../../features/clients/index.js';
import { ConsultationDetails, useConsultation } from '../../features/counselling/index.js';
import { useCan, useSession } from '../session/session-context.js';
import { useConsultationReferenceOptions } from './consultation-reference-options.js';
import { NotFoundPage } from './not-found-page.js';

/** One consultation; the API audits every opening. */
export function ConsultationPage() {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  const me = useSession();
  const canWrite = useCan('counselling.write');
  const { consultationId = '' } = useParams();
  const consultation = useConsultation(consultationId);
  const reference = useConsultationReferenceOptions();

  if (consultation.isPending) return <LoadingState />;
  if (isApiError(consultation.error, 'NOT_FOUND') || isApiError(consultation.error, 'VALIDATION_FAILED')) return <NotFoundPage />;
  if (consultation.isError) return <ErrorAlert error={consultation.error} />;
  const record = consultation.data;
  const who = record.client ? formatClientName(record.client) : t('consultations.anonymous');
  const title = t('consultations.detailTitle', { who, date: formatDate(record.occurredOn) });

  return (
    <>
      <PageHeader
        back={
          record.client
            ? { to: `/clients/${record.client.id}/consultations`, label: t('consultations.backToClient') }
            : { to: '/consultations', label: t('consultations.backToList') }
        }
        title={title}
        // The tab title names the client by number only: tabs are seen by whoever is near the screen.
        documentTitle={t('consultations.detailTitle', {
          who: record.client ? record.client.clientNumber : t('consultations.anonymous'),
          date: formatDate(record.occurredOn),
        })}
        actions={
          canWrite && mayChangeConsultation(me, { createdBy: record.createdBy?.id ?? null }) ? (
            <Button component={Link} to={`/consultations/${record.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
              {t('common.edit')}
            </Button>
          ) : null
        }
      />
      <ConsultationDetails consultation={record} projectNames={reference.projects.names} branchNames={reference.branches.names} />
    </>
  );
}
