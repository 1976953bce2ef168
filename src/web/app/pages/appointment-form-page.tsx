import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isRealIsoDate } from '../../../shared/index.js';
import { isApiError } from '../../components/api/api-error.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { showSuccess } from '../../components/feedback/show-notification.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { SectionCard } from '../../components/layout/section-card.js';
import { AppointmentForm, describeParty, useAppointment, useCounsellors } from '../../features/appointments/index.js';
import { formatClientName, useClient } from '../../features/clients/index.js';
import { NotFoundPage } from './not-found-page.js';
import { useBranchOptions } from './use-reference-options.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Books an appointment (`/appointments/new?clientId=&staffId=&date=`) or reschedules one (`/appointments/:appointmentId/edit`). */
export function AppointmentFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { appointmentId } = useParams();
  const [params] = useSearchParams();
  const prefillClientId = params.get('clientId');
  const clientId = prefillClientId && uuidPattern.test(prefillClientId) ? prefillClientId : null;
  const date = params.get('date');
  const existing = useAppointment(appointmentId ?? '', { enabled: appointmentId !== undefined });
  const client = useClient(clientId ?? '', { enabled: !appointmentId && clientId !== null });
  const counsellors = useCounsellors();
  const appointment = appointmentId ? existing.data : null;
  const branches = useBranchOptions(appointment?.branch?.id);
  const counsellorOptions = useMemo(
    () => (counsellors.data ?? []).map((c) => ({ value: c.id, label: c.name, branchId: c.branchId })),
    [counsellors.data],
  );

  const title = appointmentId ? t('appointments.rescheduleTitle') : t('appointments.bookAppointment');
  if (appointmentId && (isApiError(existing.error, 'NOT_FOUND') || isApiError(existing.error, 'VALIDATION_FAILED')))
    return <NotFoundPage />;
  const loading = (appointmentId && existing.isPending) || (clientId && !appointmentId && client.isPending) || counsellors.isPending;
  const error = (appointmentId ? existing.error : null) ?? client.error ?? counsellors.error;
  const staffId = params.get('staffId');
  const prefill = {
    clientId,
    staffId: staffId && counsellorOptions.some((c) => c.value === staffId) ? staffId : null,
    date: date && isRealIsoDate(date) ? date : null,
    branchId: counsellorOptions.find((c) => c.value === staffId)?.branchId ?? null,
  };
  const clientLabel = appointment
    ? appointment.client
      ? describeParty(appointment, t)
      : null
    : client.data
      ? `${formatClientName(client.data)} (${client.data.clientNumber})`
      : null;

  return (
    <>
      <PageHeader
        title={title}
        back={{ to: appointmentId ? `/appointments/${appointmentId}` : '/calendar', label: t('appointments.back') }}
      />
      {loading ? (
        <LoadingState />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : (
        <SectionCard title={t('appointments.details')}>
          <AppointmentForm
            appointment={appointment ?? null}
            prefill={prefill}
            clientLabel={clientLabel}
            counsellors={counsellorOptions}
            branches={branches.options}
            onSaved={(saved) => {
              showSuccess(appointmentId ? t('appointments.saved') : t('appointments.booked'));
              navigate(`/appointments/${saved.id}`);
            }}
            onCancel={() => navigate(-1)}
          />
        </SectionCard>
      )}
    </>
  );
}
