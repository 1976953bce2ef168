import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { LoadingState } from '../../../components/feedback/loading-state.js';
import { useAppointments } from '../api/find-appointments.js';
import { AppointmentStatusBadge } from './appointment-status-badge.js';
import { describeParty, formatTimeRange } from './appointment-text.js';

/** A counsellor's appointments of one day, in order, each a link to it (for the "My day" page). */
export function DayAppointments({ staffId, date }: { staffId: string; date: string }) {
  const { t } = useTranslation();
  const appointments = useAppointments({ from: date, to: date, staffId });
  if (appointments.isPending) return <LoadingState minHeight={80} />;
  if (appointments.isError) return <ErrorAlert error={appointments.error} />;
  const items = appointments.data.items.filter((appointment) => appointment.status !== 'cancelled');
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('calendar.noAppointmentsToday')}
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((appointment) => (
        <li key={appointment.id}>
          <Anchor component={Link} to={`/appointments/${appointment.id}`} fw={600}>
            {formatTimeRange(appointment)} · {describeParty(appointment, t)}
          </Anchor>{' '}
          <AppointmentStatusBadge status={appointment.status} />
          {appointment.place || appointment.branch ? (
            <Text span size="sm" c="dimmed" ml={6}>
              {[appointment.branch?.name, appointment.place].filter(Boolean).join(' · ')}
            </Text>
          ) : null}
        </li>
      ))}
    </Stack>
  );
}
