import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { mayChangeConsultation } from '../../../shared/index.js';
import { isApiError } from '../../components/api/api-error.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { showSuccess } from '../../components/feedback/show-notification.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { ConsultationForm, useConsultation, useConsultationDefaults } from '../../features/counselling/index.js';
import { useCan, useSession } from '../session/session-context.js';
import { useClientRecord } from './client-record-layout.js';
import { useConsultationReferenceOptions } from './consultation-reference-options.js';
import { ForbiddenPage } from './forbidden-page.js';
import { NotFoundPage } from './not-found-page.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Records a consultation with the client whose record is open, for those who may record consultations. */
export function NewConsultationPage() {
  return useCan('counselling.write') ? <NewConsultation /> : <ForbiddenPage />;
}

/**
 * The form for a new consultation; `?appointment=<id>` records it from that appointment, whose time,
 * length and interpreter fill the form.
 */
function NewConsultation() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useClientRecord();
  const [params] = useSearchParams();
  const appointment = params.get('appointment');
  const appointmentId = appointment && uuidPattern.test(appointment) ? appointment : undefined;
  const defaults = useConsultationDefaults({ clientId: client.id, ...(appointmentId ? { appointmentId } : {}) });
  const reference = useConsultationReferenceOptions({ branchId: defaults.data?.branchId });
  const backTo = `/clients/${client.id}/consultations`;

  return (
    <section aria-labelledby="new-consultation-heading">
      <Title order={2} size="h3" id="new-consultation-heading" mb="md">
        {t('consultations.newTitle')}
      </Title>
      {defaults.isPending || reference.isPending ? (
        <LoadingState />
      ) : defaults.isError ? (
        <ErrorAlert
          error={defaults.error}
          message={appointmentId && !isApiError(defaults.error, 'NETWORK') ? t('consultations.appointmentUnusable') : undefined}
        />
      ) : (
        <ConsultationForm
          mode={{ kind: 'client', clientId: client.id, defaults: defaults.data }}
          projects={reference.projects.options}
          branches={reference.branches.options}
          headingOrder={3}
          onSaved={() => {
            showSuccess(t('consultations.saved'));
            navigate(backTo);
          }}
          onCancel={() => navigate(backTo)}
        />
      )}
    </section>
  );
}

/** Changes a consultation: its author, or a coordinator (who may change only the facts of a legal one they cannot read). */
export function EditConsultationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSession();
  const { consultationId = '' } = useParams();
  const consultation = useConsultation(consultationId);
  const reference = useConsultationReferenceOptions({ projectId: consultation.data?.projectId, branchId: consultation.data?.branchId });

  if (consultation.isPending || reference.isPending) return <LoadingState />;
  if (isApiError(consultation.error, 'NOT_FOUND') || isApiError(consultation.error, 'VALIDATION_FAILED')) return <NotFoundPage />;
  if (consultation.isError) return <ErrorAlert error={consultation.error} />;
  const record = consultation.data;
  if (!mayChangeConsultation(me, { createdBy: record.createdBy?.id ?? null })) return <ForbiddenPage />;
  const detailPath = `/consultations/${record.id}`;

  return (
    <>
      <PageHeader back={{ to: detailPath, label: t('consultations.backToConsultation') }} title={t('consultations.editTitle')} />
      <ConsultationForm
        key={record.id}
        mode={{ kind: 'edit', consultation: record }}
        projects={reference.projects.options}
        branches={reference.branches.options}
        onSaved={() => {
          showSuccess(t('consultations.saved'));
          navigate(detailPath);
        }}
        onCancel={() => navigate(detailPath)}
      />
    </>
  );
}
