import { Button } from '@mantine/core';
import { IconClock, IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { counsellingRoles } from '../../../shared/index.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { isUiLanguage } from '../../i18n/i18n.js';
import {
  CalendarDays,
  CalendarFeedPanel,
  CalendarToolbar,
  daysOf,
  useAppointments,
  useCalendarState,
  useCounsellors,
  useHolidays,
} from '../../features/appointments/index.js';
import { useCan, useSession } from '../session/session-context.js';
import { useBranchOptions } from './use-reference-options.js';

/** Day and week calendars per counsellor or branch, booking, and the counsellor's own calendar feed. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const canBook = useCan('appointments.write');
  const canConfigure = useCan('counselling.configure');
  const isCounsellor = me.roles.some((role) => (counsellingRoles as readonly string[]).includes(role));
  const { state, update } = useCalendarState(isCounsellor ? me.id : null);
  const days = daysOf(state.view, state.date);
  const from = days[0] ?? state.date;
  const to = days.at(-1) ?? state.date;
  const counsellors = useCounsellors();
  const branches = useBranchOptions(state.branchId);
  const appointments = useAppointments({ from, to, staffId: state.staffId ?? undefined, branchId: state.branchId ?? undefined });
  const holidays = useHolidays(from, to, isUiLanguage(i18n.language) ? i18n.language : 'cs');
  const holidayNames = useMemo(() => new Map((holidays.data ?? []).map((holiday) => [holiday.date, holiday.name])), [holidays.data]);
  const counsellorOptions = useMemo(() => (counsellors.data ?? []).map((c) => ({ value: c.id, label: c.name })), [counsellors.data]);
  const bookingLink = `/appointments/new?date=${state.date}${state.staffId ? `&staffId=${encodeURIComponent(state.staffId)}` : ''}`;

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        description={t('calendar.intro')}
        actions={
          <>
            {canBook ? (
              <Button component={Link} to={bookingLink} leftSection={<IconPlus size={16} aria-hidden />}>
                {t('appointments.bookAppointment')}
              </Button>
            ) : null}
            {canConfigure ? (
              <Button component={Link} to="/working-hours" variant="default" leftSection={<IconClock size={16} aria-hidden />}>
                {t('nav.workingHours')}
              </Button>
            ) : null}
          </>
        }
      />
      <CalendarToolbar state={state} onChange={update} counsellors={counsellorOptions} branches={branches.options} />
      {appointments.isError ? <ErrorAlert error={appointments.error} /> : null}
      {appointments.isPending ? (
        <LoadingState />
      ) : appointments.data ? (
        <div aria-busy={appointments.isFetching}>
          <CalendarDays
            days={days}
            appointments={appointments.data.items}
            holidays={holidayNames}
            showCounsellor={state.staffId === null}
          />
        </div>
      ) : null}
      {isCounsellor ? (
        <div style={{ marginTop: 'var(--mantine-spacing-xl)' }}>
          <CalendarFeedPanel />
        </div>
      ) : null}
    </>
  );
}
