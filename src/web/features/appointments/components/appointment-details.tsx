import { Anchor, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCalendarEvent, IconCheck, IconNotes, IconPencil, IconUserX, IconX } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type AppointmentDetailResponse,
  type AppointmentStatus,
  appointmentTransitions,
  formatPhone,
  outcomeStatuses,
  statusUndoProblem,
  toCentreDate,
} from '../../../../shared/index.js';
import { DetailList } from '../../../components/data/detail-list.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { SectionCard } from '../../../components/layout/section-card.js';
import { useChangeAppointmentStatus } from '../api/change-appointment-status.js';
import { AppointmentStatusBadge } from './appointment-status-badge.js';
import { describeParty, formatTimeRange } from './appointment-text.js';

type AppointmentDetailsProps = {
  appointment: AppointmentDetailResponse;
  /** May change the appointment and its status. */
  canWrite: boolean;
  /** May record a consultation (offered for a client's appointment not yet recorded). */
  canRecordConsultation: boolean;
  /** May open the client's record. */
  canOpenClient: boolean;
  /** The signed-in user's id: who set an attended or no-show may undo it the same day. */
  userId: string;
};

/** Where a status action leads, with its button. */
const actions: {
  to: AppointmentStatus;
  labelKey: 'markAttended' | 'markNoShow' | 'cancel' | 'bookAgain' | 'undoStatus';
  icon: ReactNode;
}[] = [
  { to: 'attended', labelKey: 'markAttended', icon: <IconCheck size={16} aria-hidden /> },
  { to: 'no_show', labelKey: 'markNoShow', icon: <IconUserX size={16} aria-hidden /> },
  { to: 'cancelled', labelKey: 'cancel', icon: <IconX size={16} aria-hidden /> },
  { to: 'booked', labelKey: 'bookAgain', icon: <IconCalendarEvent size={16} aria-hidden /> },
];
const undoAction = { to: 'booked', labelKey: 'undoStatus', icon: <IconArrowBackUp size={16} aria-hidden /> } as const;

const isOutcome = (status: AppointmentStatus) => (outcomeStatuses as readonly string[]).includes(status);

/**
 * The status actions the server would accept now: attended and no-show once the appointment has
 * begun; leaving them (an undo) only for who set them, the same day.
 */
function offeredActions(appointment: AppointmentDetailResponse, userId: string, now: Date): (typeof actions)[number][] {
  if (isOutcome(appointment.status)) {
    const set = { by: appointment.statusChangedBy, at: appointment.statusChangedAt ? new Date(appointment.statusChangedAt) : null };
    return statusUndoProblem(set, userId, now) ? [] : [undoAction];
  }
  const begun = new Date(appointment.startsAt) <= now;
  return actions.filter((action) => appointmentTransitions[appointment.status].includes(action.to) && (begun || !isOutcome(action.to)));
}

/**
 * One appointment: when, with whom, where and why, its reminders, and what can be done with it —
 * mark it attended, no-show or cancelled, book it again, change it, or record the consultation.
 */
export function AppointmentDetails({ appointment, canWrite, canRecordConsultation, canOpenClient, userId }: AppointmentDetailsProps) {
  const { t } = useTranslation();
  const { formatDate, formatDateTime, formatLanguage } = useFormat();
  const changeStatus = useChangeAppointmentStatus();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const { client } = appointment;
  const recorded = appointment.serviceId !== null;
  const offered = recorded ? [] : offeredActions(appointment, userId, new Date());
  const canRecord =
    canRecordConsultation && client !== null && !recorded && (appointment.status === 'booked' || appointment.status === 'attended');

  const setStatus = (status: AppointmentStatus, cancelReason?: string) =>
    changeStatus.mutate(
      { id: appointment.id, input: { status, ...(cancelReason ? { reason: cancelReason } : {}) }, version: appointment.version },
      { onSuccess: () => setCancelling(false) },
    );

  return (
    <Stack gap="lg">
      {changeStatus.error && !cancelling ? <ErrorAlert error={changeStatus.error} /> : null}
      {canWrite || canRecord ? (
        <Group gap="sm" wrap="wrap">
          {canRecord ? (
            <Button
              component={Link}
              to={`/clients/${client.id}/consultations/new?appointment=${appointment.id}`}
              leftSection={<IconNotes size={16} aria-hidden />}
            >
              {t('appointments.recordConsultation')}
            </Button>
          ) : null}
          {canWrite
            ? offered.map((action) => (
                <Button
                  key={action.to}
                  variant="default"
                  leftSection={action.icon}
                  loading={changeStatus.isPending && changeStatus.variables?.input.status === action.to}
                  onClick={() => (action.to === 'cancelled' ? setCancelling(true) : setStatus(action.to))}
                >
                  {t(`appointments.${action.labelKey}`)}
                </Button>
              ))
            : null}
          {canWrite && appointment.status === 'booked' ? (
            <Button
              component={Link}
              to={`/appointments/${appointment.id}/edit`}
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
            >
              {t('appointments.reschedule')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {recorded ? (
        <Text size="sm" role="status">
          {t('appointments.consultationRecorded')}
        </Text>
      ) : null}
      <SectionCard title={t('appointments.details')}>
        <DetailList
          items={[
            {
              label: t('appointments.when'),
              value: `${formatDate(toCentreDate(new Date(appointment.startsAt)))} ${formatTimeRange(appointment)}`,
            },
            { label: t('appointments.statusLabel'), value: <AppointmentStatusBadge status={appointment.status} /> },
            {
              label: client ? t('appointments.client') : t('appointments.newContact'),
              value:
                client && canOpenClient ? (
                  <Anchor component={Link} to={`/clients/${client.id}`}>
                    {describeParty(appointment, t)}
                  </Anchor>
                ) : (
                  describeParty(appointment, t)
                ),
            },
            ...(client
              ? []
              : [
                  { label: t('appointments.contactPhone'), value: appointment.contactPhone ? formatPhone(appointment.contactPhone) : null },
                  { label: t('appointments.contactEmail'), value: appointment.contactEmail },
                ]),
            { label: t('appointments.counsellor'), value: appointment.staff.name },
            { label: t('appointments.branch'), value: appointment.branch?.name },
            { label: t('appointments.place'), value: appointment.place },
            {
              label: t('appointments.interpreterLanguage'),
              value: appointment.interpreterLanguage ? formatLanguage(appointment.interpreterLanguage) : t('appointments.noInterpreter'),
            },
            { label: t('appointments.purpose'), value: appointment.purpose, wide: true },
            ...(appointment.status === 'cancelled'
              ? [{ label: t('appointments.cancelReason'), value: appointment.cancelReason, wide: true }]
              : []),
          ]}
        />
      </SectionCard>
      <SectionCard title={t('appointments.reminders')}>
        {appointment.reminders.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('appointments.noReminders')}
          </Text>
        ) : (
          <List spacing="xs" size="sm">
            {appointment.reminders.map((reminder) => (
              <List.Item key={`${reminder.channel}-${reminder.sendAfter}-${reminder.sentAt ?? ''}`}>
                {t(`outbox.channel.${reminder.channel}`)}: {t(`outbox.status.${reminder.status}`)} ·{' '}
                {reminder.sentAt
                  ? t('appointments.reminderSent', { at: formatDateTime(reminder.sentAt) })
                  : t('appointments.reminderDue', { at: formatDateTime(reminder.sendAfter) })}
              </List.Item>
            ))}
          </List>
        )}
      </SectionCard>
      <Modal
        opened={cancelling}
        onClose={() => setCancelling(false)}
        title={t('appointments.cancelTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          {changeStatus.error ? <ErrorAlert error={changeStatus.error} /> : null}
          <Textarea
            label={t('appointments.cancelReason')}
            description={t('appointments.cancelReasonHint')}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setCancelling(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={changeStatus.isPending} onClick={() => setStatus('cancelled', reason.trim())}>
              {t('appointments.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
