import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AppointmentResponse, toCentreDate } from '../../../../shared/index.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { AppointmentStatusBadge } from './appointment-status-badge.js';
import { describeParty, formatTimeRange } from './appointment-text.js';

type CalendarDaysProps = {
  /** The days to show, in order (YYYY-MM-DD). */
  days: readonly string[];
  appointments: readonly AppointmentResponse[];
  /** Public holidays by date, with their names. */
  holidays: ReadonlyMap<string, string>;
  /** Name the counsellor on each appointment (a branch's calendar); one counsellor's calendar leaves it out. */
  showCounsellor: boolean;
  /** The level of the days' headings: 2 under the page's title, 3 inside a section. */
  headingOrder?: 2 | 3;
};

/**
 * Days as an agenda: a heading per day (with its public holiday), then that day's appointments in
 * order, each a link to its page, so that Tab walks through them in time order on any screen width.
 */
export function CalendarDays({ days, appointments, holidays, showCounsellor, headingOrder = 2 }: CalendarDaysProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const dayTitle = useMemo(
    () => new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }),
    [locale],
  );
  const byDay = useMemo(() => {
    const map = new Map<string, AppointmentResponse[]>();
    for (const appointment of appointments) {
      const day = toCentreDate(new Date(appointment.startsAt));
      map.set(day, [...(map.get(day) ?? []), appointment]);
    }
    return map;
  }, [appointments]);

  return (
    <Stack gap="sm">
      {days.map((day) => {
        const items = byDay.get(day) ?? [];
        const holiday = holidays.get(day);
        const headingId = `calendar-day-${day}`;
        return (
          <Paper key={day} component="section" withBorder radius="md" p="sm" aria-labelledby={headingId}>
            <Group gap="xs" mb={items.length ? 'xs' : 0} wrap="wrap">
              <Title order={headingOrder} size="h5" id={headingId}>
                {capitalise(dayTitle.format(new Date(`${day}T00:00:00Z`)))}
              </Title>
              {holiday ? (
                <Badge component="span" variant="light" color="red" tt="none" radius="sm">
                  {t('calendar.holiday', { name: holiday })}
                </Badge>
              ) : null}
            </Group>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('calendar.noAppointments')}
              </Text>
            ) : (
              <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
                {items.map((appointment) => (
                  <li key={appointment.id}>
                    <AppointmentLine appointment={appointment} showCounsellor={showCounsellor} />
                  </li>
                ))}
              </Stack>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}

function AppointmentLine({ appointment, showCounsellor }: { appointment: AppointmentResponse; showCounsellor: boolean }) {
  const { t } = useTranslation();
  const { formatLanguage } = useFormat();
  const cancelled = appointment.status === 'cancelled';
  return (
    <Group gap="xs" wrap="wrap" align="baseline">
      <Anchor component={Link} to={`/appointments/${appointment.id}`} fw={600} td={cancelled ? 'line-through' : undefined}>
        {formatTimeRange(appointment)} · {describeParty(appointment, t)}
      </Anchor>
      <AppointmentStatusBadge status={appointment.status} />
      {appointment.interpreterLanguage ? (
        <Text span size="sm" c="dimmed">
          <IconLanguage size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
          {t('appointments.interpreterFor', { language: formatLanguage(appointment.interpreterLanguage) })}
        </Text>
      ) : null}
      <Text span size="sm" c="dimmed">
        {[showCounsellor ? appointment.staff.name : null, appointment.branch?.name, appointment.place].filter(Boolean).join(' · ')}
      </Text>
    </Group>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
