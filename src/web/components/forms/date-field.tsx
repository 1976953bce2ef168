import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { parseTypedDate } from './parse-typed-date.js';

const displayFormats: Record<string, string> = { cs: 'D. M. YYYY', en: 'DD/MM/YYYY', uk: 'DD.MM.YYYY' };

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
