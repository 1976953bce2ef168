import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { isRealIsoDate } from '../../../shared/index.js';

const displayFormats: Record<string, string> = { cs: 'D. M. YYYY', en: 'DD/MM/YYYY', uk: 'DD.MM.YYYY' };

/** Reads 31. 12. 2026, 31.12.2026, 31/12/2026 or 2026-12-31 as a calendar date. */
export function parseTypedDate(input: string): string | null {
  const value = input.trim();
  let year: string | undefined;
  let month: string | undefined;
  let day: string | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const local = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})$/.exec(value);
  if (iso) [, year, month, day] = iso;
  else if (local) [, day, month, year] = local;
  if (!year || !month || !day) return null;
  const candidate = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isRealIsoDate(candidate) ? candidate : null;
}

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** A date input that shows dates as the reader writes them and stores YYYY-MM-DD. */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  return (
    <DateInput
      {...props}
      value={value ?? null}
      onChange={(next) => onChange?.(next ? next.slice(0, 10) : null)}
      valueFormat={displayFormats[i18n.language] ?? 'YYYY-MM-DD'}
      dateParser={parseTypedDate}
      clearable
      clearButtonProps={{ 'aria-label': t('dates.clear') }}
      popoverProps={{ withinPortal: true }}
      ariaLabels={{
        monthLevelControl: t('dates.monthLevel'),
        yearLevelControl: t('dates.yearLevel'),
        nextMonth: t('dates.nextMonth'),
        previousMonth: t('dates.previousMonth'),
        nextYear: t('dates.nextYear'),
        previousYear: t('dates.previousYear'),
        nextDecade: t('dates.nextDecade'),
        previousDecade: t('dates.previousDecade'),
      }}
    />
  );
}
