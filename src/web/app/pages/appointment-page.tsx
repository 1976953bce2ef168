import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { toCentreDate } from '../../../shared/index.js';
import { isApiError } from '../../components/api/api-error.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { AppointmentDetails, AppointmentStatusBadge, describeParty, useAppointment } from '../../features/appointments/index.js';
import { useCan, useSession } from '../session/session-context.js';
import { NotFoundPage } from './not-found-page.js';

/** One appointment, with its status actions and the step to record the consultation. */
export function AppointmentPage() {
  const { t } = useTranslation();
  const { appointmentId = '' } = useParams();
  const appointment = useAppointment(appointmentId);
  const canWrite = useCan('appointments.write');
  const canRecordConsultation = useCan('counselling.write');
  const canOpenClient = useCan('clients.read');
  const me = useSession();

  if (isApiError(appointment.error, 'NOT_FOUND') || isApiError(appointment.error, 'VALIDATION_FAILED')) return <NotFoundPage />;
  if (appointment.isPending) return <LoadingState />;
  if (appointment.isError) return <ErrorAlert error={appointment.error} />;
  const data = appointment.data;
  const date = toCentreDate(new Date(data.startsAt));
  return (
    <>
      <PageHeader
        back={{ to: `/calendar?view=day&date=${date}&staff=${encodeURIComponent(data.staff.id)}`, label: t('appointments.backToCalendar') }}
        title={t('appointments.titleOf', { party: describeParty(data, t) })}
        // The tab title names the client by number only, a new contact not at all.
        documentTitle={t('appointments.titleOf', { party: data.client ? data.client.clientNumber : t('appointments.newContact') })}
        badge={<AppointmentStatusBadge status={data.status} />}
      />
      <AppointmentDetails
        appointment={data}
        canWrite={canWrite}
        canRecordConsultation={canRecordConsultation}
        canOpenClient={canOpenClient}
        userId={me.id}
      />
    </>
  );
}
