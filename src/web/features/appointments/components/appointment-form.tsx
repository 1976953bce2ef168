import { Alert, Anchor, Button, Group, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AppointmentResponse, createAppointmentInput, updateAppointmentInput, weekdayOf } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { DateField } from '../../../components/forms/date-field.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { SelectField } from '../../../components/forms/select-field.js';
import { type Option, useLanguageOptions } from '../../../components/intl/use-code-options.js';
import { languageOptionsFilter } from '../../../components/intl/language-options.js';
import { isUiLanguage } from '../../../i18n/i18n.js';
import { ClientSearchBox, formatClientName } from '../../clients/index.js';
import { useCreateAppointment } from '../api/create-appointment.js';
import { useHolidays } from '../api/find-holidays.js';
import { useWorkingHours } from '../api/get-working-hours.js';
import { useUpdateAppointment } from '../api/update-appointment.js';
import {
  type AppointmentFormValues,
  type AppointmentPrefill,
  durationChoices,
  type PartyKind,
  toAppointmentFormValues,
  toAppointmentPayload,
} from './appointment-form-values.js';
import { describeBookingError } from './describe-booking-error.js';

type AppointmentFormProps = {
  /** The appointment to change; null books a new one. */
  appointment: AppointmentResponse | null;
  prefill?: AppointmentPrefill;
  /** The client named by the prefill or the appointment, as it is shown. */
  clientLabel?: string | null;
  counsellors: (Option & { branchId: string | null })[];
  branches: Option[];
  onSaved: (saved: AppointmentResponse) => void;
  onCancel: () => void;
};

/**
 * Books an appointment or reschedules one: the counsellor, a client found by search or a new
 * contact, the day, start and length, where, why and whether an interpreter is needed. A clash with
 * the counsellor's other appointments, a holiday or a time outside the working hours is explained.
 */
export function AppointmentForm({ appointment, prefill, clientLabel, counsellors, branches, onSaved, onCancel }: AppointmentFormProps) {
  const { t, i18n } = useTranslation();
  const languages = useLanguageOptions();
  const create = useCreateAppointment();
  const update = useUpdateAppointment();
  const mutation = appointment ? update : create;
  const [pickedClient, setPickedClient] = useState<string | null>(clientLabel ?? null);
  const schemaValidator = createSchemaValidator(appointment ? updateAppointmentInput : createAppointmentInput, toAppointmentPayload, t);

  const form = useForm<AppointmentFormValues>({
    initialValues: toAppointmentFormValues(appointment, prefill),
    validate: (values) => {
      const errors = schemaValidator(values);
      delete errors.startsAt;
      if (!values.date) errors.date = t('validation.required');
      if (!/^\d{2}:\d{2}$/.test(values.time)) errors.time = t('validation.required');
      if (values.partyKind === 'client' && !values.clientId) errors.clientId = t('appointments.chooseClient');
      if (values.partyKind === 'contact' && !values.contactPhone.trim() && !values.contactEmail.trim()) {
        errors.contactPhone = t('appointments.phoneOrEmail');
      }
      return errors;
    },
  });
  const values = form.getValues();
  const hours = useWorkingHours();
  const lang = isUiLanguage(i18n.language) ? i18n.language : 'cs';
  const holidays = useHolidays(values.date, values.date, lang);
  const holiday = holidays.data?.[0];
  const dayHours = values.date && hours.data ? hours.data[weekdayOf(values.date)] : null;

  const submit = form.onSubmit((formValues) => {
    const payload = toAppointmentPayload(formValues);
    const handlers = {
      onSuccess: onSaved,
      onError: (error: Error) => {
        if (isApiError(error)) applyApiErrors(form, error, t);
      },
    };
    if (appointment) update.mutate({ id: appointment.id, input: payload, version: appointment.version }, handlers);
    else create.mutate(payload, handlers);
  });

  const bookingProblem = describeBookingError(mutation.error, t);
  const conflictId = isApiError(mutation.error, 'APPOINTMENT_CONFLICT')
    ? (mutation.error.details as { appointmentId?: string } | undefined)?.appointmentId
    : undefined;

  const chooseCounsellor = (staffId: string | null) => {
    form.setFieldValue('staffId', staffId);
    // The counsellor's branch, unless someone chose one already.
    if (!form.isTouched('branchId')) form.setFieldValue('branchId', counsellors.find((c) => c.value === staffId)?.branchId ?? null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {bookingProblem ? (
          <ErrorAlert error={mutation.error} title={t('appointments.notBookableTitle')} message={bookingProblem}>
            {conflictId ? (
              <Text size="sm" mt="xs">
                <Anchor component={Link} to={`/appointments/${conflictId}`}>
                  {t('appointments.openConflict')}
                </Anchor>
              </Text>
            ) : null}
          </ErrorAlert>
        ) : mutation.error && !isApiError(mutation.error, 'VALIDATION_FAILED') ? (
          <ErrorAlert error={mutation.error} />
        ) : null}
        <SelectField
          label={t('appointments.counsellor')}
          data={counsellors}
          searchable
          required
          {...form.getInputProps('staffId')}
          onChange={chooseCounsellor}
        />
        <Radio.Group
          label={t('appointments.partyKind')}
          value={values.partyKind}
          onChange={(kind) => form.setFieldValue('partyKind', kind as PartyKind)}
        >
          <Group gap="lg" mt="xs">
            <Radio value="client" label={t('appointments.registeredClient')} />
            <Radio value="contact" label={t('appointments.newContact')} />
          </Group>
        </Radio.Group>
        {values.partyKind === 'client' ? (
          values.clientId && pickedClient ? (
            <Group gap="sm" wrap="wrap" align="center">
              <Text>
                <Text span c="dimmed" size="sm">
                  {t('appointments.client')}:
                </Text>{' '}
                <Text span fw={600}>
                  {pickedClient}
                </Text>
              </Text>
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  form.setFieldValue('clientId', null);
                  setPickedClient(null);
                }}
              >
                {t('appointments.changeClient')}
              </Button>
            </Group>
          ) : (
            <Stack gap={4}>
              <ClientSearchBox
                label={t('appointments.client')}
                description={t('appointments.clientHint')}
                onPick={(client) => {
                  form.setFieldValue('clientId', client.id);
                  setPickedClient(`${formatClientName(client)} (${client.clientNumber})`);
                }}
              />
              {form.errors.clientId ? (
                <Text size="sm" c="red.9" role="alert">
                  {form.errors.clientId}
                </Text>
              ) : null}
            </Stack>
          )
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label={t('appointments.contactName')} required autoComplete="off" {...form.getInputProps('contactName')} />
            <TextInput label={t('appointments.contactPhone')} type="tel" autoComplete="off" {...form.getInputProps('contactPhone')} />
            <TextInput label={t('appointments.contactEmail')} type="email" autoComplete="off" {...form.getInputProps('contactEmail')} />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <DateField label={t('appointments.date')} required {...form.getInputProps('date')} />
          <TimeInput label={t('appointments.startTime')} required {...form.getInputProps('time')} />
          <SelectField
            label={t('appointments.duration')}
            data={durationChoices.map((minutes) => ({ value: String(minutes), label: t('appointments.minutes', { minutes }) }))}
            allowDeselect={false}
            {...form.getInputProps('durationMinutes')}
          />
        </SimpleGrid>
        {dayHours ? (
          <Text size="sm" c="dimmed" mt={-8}>
            {dayHours.length
              ? t('appointments.hoursOfDay', { hours: dayHours.map((h) => `${h.from}–${h.to}`).join(', ') })
              : t('appointments.closedDay')}
          </Text>
        ) : null}
        {holiday ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="status">
            {t('appointments.holidayWarning', { name: holiday.name })}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <SelectField label={t('appointments.branch')} data={branches} clearable {...form.getInputProps('branchId')} />
          <TextInput label={t('appointments.place')} description={t('appointments.placeHint')} {...form.getInputProps('place')} />
        </SimpleGrid>
        <Textarea label={t('appointments.purpose')} autosize minRows={2} maxRows={6} {...form.getInputProps('purpose')} />
        <SelectField
          label={t('appointments.interpreterLanguage')}
          description={t('appointments.interpreterHint')}
          data={languages}
          filter={languageOptionsFilter}
          searchable
          clearable
          {...form.getInputProps('interpreterLanguage')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {appointment ? t('common.save') : t('appointments.book')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
