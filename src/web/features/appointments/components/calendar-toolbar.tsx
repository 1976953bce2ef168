import { Button, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { addDays, toCentreDate } from '../../../../shared/index.js';
import { DateField } from '../../../components/forms/date-field.js';
import { SelectField } from '../../../components/forms/select-field.js';
import type { Option } from '../../../components/intl/use-code-options.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { type CalendarState, type CalendarView, daysOf } from './use-calendar-state.js';

type CalendarToolbarProps = {
  state: CalendarState;
  onChange: (changes: Partial<CalendarState>) => void;
  counsellors: Option[];
  branches: Option[];
};

/** Whose calendar, day or week, and which: previous, today, next, or any date. */
export function CalendarToolbar({ state, onChange, counsellors, branches }: CalendarToolbarProps) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  const step = state.view === 'day' ? 1 : 7;
  const days = daysOf(state.view, state.date);
  const first = days[0] ?? state.date;
  const last = days.at(-1) ?? state.date;

  return (
    <Stack gap="sm" mb="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <SelectField
          label={t('calendar.counsellor')}
          placeholder={t('calendar.allCounsellors')}
          data={counsellors}
          value={state.staffId}
          onChange={(staffId) => onChange({ staffId })}
          searchable
          clearable
        />
        <SelectField
          label={t('calendar.branch')}
          placeholder={t('calendar.allBranches')}
          data={branches}
          value={state.branchId}
          onChange={(branchId) => onChange({ branchId })}
          clearable
        />
      </SimpleGrid>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <Stack gap={4}>
          <Text id="calendar-view-label" size="sm" fw={500}>
            {t('calendar.view')}
          </Text>
          <SegmentedControl
            aria-labelledby="calendar-view-label"
            value={state.view}
            onChange={(view) => onChange({ view: view as CalendarView })}
            data={[
              { value: 'day', label: t('calendar.day') },
              { value: 'week', label: t('calendar.week') },
            ]}
          />
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            onClick={() => onChange({ date: addDays(state.date, -step) })}
            aria-label={state.view === 'day' ? t('calendar.previousDay') : t('calendar.previousWeek')}
          >
            <IconChevronLeft size={18} aria-hidden />
          </Button>
          <Button variant="default" onClick={() => onChange({ date: toCentreDate(new Date()) })}>
            {t('calendar.today')}
          </Button>
          <Button
            variant="default"
            onClick={() => onChange({ date: addDays(state.date, step) })}
            aria-label={state.view === 'day' ? t('calendar.nextDay') : t('calendar.nextWeek')}
          >
            <IconChevronRight size={18} aria-hidden />
          </Button>
        </Group>
        <DateField label={t('calendar.goToDate')} value={state.date} onChange={(date) => date && onChange({ date })} w={180} />
      </Group>
      <Text fw={600} role="status" aria-live="polite">
        {first === last ? formatDate(first) : t('calendar.range', { from: formatDate(first), to: formatDate(last) })}
      </Text>
    </Stack>
  );
}
