import { ActionIcon, Button, Fieldset, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type WorkingHours, weekdays, workingHours } from '../../../../shared/index.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { showSuccess } from '../../../components/feedback/show-notification.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { useUpdateWorkingHours } from '../api/update-working-hours.js';

/** The centre's working hours per weekday: stretches of time, a gap between two for a break; none closes the day. */
export function WorkingHoursForm({ hours }: { hours: WorkingHours }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const update = useUpdateWorkingHours();
  const dayNames = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    // 1 January 2024 was a Monday.
    return weekdays.map((_, index) => {
      const name = format.format(new Date(Date.UTC(2024, 0, 1 + index)));
      return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
    });
  }, [locale]);
  const form = useForm<WorkingHours>({
    initialValues: hours,
    validate: (values) => {
      const errors: Record<string, string> = {};
      const result = workingHours.safeParse(values);
      for (const issue of result.success ? [] : result.error.issues) {
        const path = issue.path.join('.');
        if (errors[path]) continue;
        errors[path] =
          issue.code !== 'custom'
            ? t('workingHours.timeFormat')
            : issue.path.at(-1) === 'from'
              ? t('workingHours.overlap')
              : t('workingHours.endAfterStart');
      }
      return errors;
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        update.mutate(values, {
          onSuccess: (saved) => {
            form.setInitialValues(saved);
            form.reset();
            showSuccess(t('workingHours.saved'));
          },
        }),
      )}
    >
      <Stack gap="md">
        {update.error ? <ErrorAlert error={update.error} /> : null}
        {weekdays.map((day, dayIndex) => {
          const intervals = form.getValues()[day];
          return (
            <Fieldset key={day} legend={dayNames[dayIndex]} variant="filled">
              <Stack gap="xs">
                {intervals.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('workingHours.closed')}
                  </Text>
                ) : null}
                {intervals.map((_, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the stretches of a day have no identity but their position
                  <Group key={index} gap="sm" align="flex-end" wrap="nowrap">
                    <SimpleGrid cols={2} spacing="sm" style={{ flex: 1 }}>
                      <TimeInput label={t('workingHours.from')} required {...form.getInputProps(`${day}.${index}.from`)} />
                      <TimeInput label={t('workingHours.to')} required {...form.getInputProps(`${day}.${index}.to`)} />
                    </SimpleGrid>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      mb={form.errors[`${day}.${index}.to`] || form.errors[`${day}.${index}.from`] ? 24 : 0}
                      aria-label={t('workingHours.remove', { day: dayNames[dayIndex], number: index + 1 })}
                      onClick={() => form.removeListItem(day, index)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
                {intervals.length < 4 ? (
                  <Button
                    variant="subtle"
                    size="xs"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    style={{ alignSelf: 'flex-start' }}
                    onClick={() => form.insertListItem(day, { from: intervals.at(-1)?.to ?? '08:00', to: '16:30' })}
                    aria-label={t('workingHours.addFor', { day: dayNames[dayIndex] })}
                  >
                    {t('workingHours.add')}
                  </Button>
                ) : null}
              </Stack>
            </Fieldset>
          );
        })}
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
