import { Alert, Button, Group, NumberInput, Radio, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ageBands,
  type ConsultationDefaults,
  type ConsultationResponse,
  consultationForms,
  consultationKinds,
  createAnonymousConsultationInput,
  createConsultationInput,
  interpreterKinds,
  maxConsultationMinutes,
  residenceCategories,
  sexes,
  updateConsultationInput,
} from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { useUnsavedChangesGuard } from '../../../components/forms/use-unsaved-changes-guard.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { DateField } from '../../../components/forms/date-field.js';
import { createSchemaValidator, type FormErrors } from '../../../components/forms/schema-validator.js';
import { MultiSelectField, SelectField } from '../../../components/forms/select-field.js';
import { type Option, useCountryOptions, useLanguageOptions } from '../../../components/intl/use-code-options.js';
import { languageOptionsFilter } from '../../../components/intl/language-options.js';
import { SectionCard } from '../../../components/layout/section-card.js';
import { useConsultationDefaults } from '../api/get-consultation-defaults.js';
import { useCreateAnonymousConsultation } from '../api/create-anonymous-consultation.js';
import { useCreateConsultation } from '../api/create-consultation.js';
import { useUpdateConsultation } from '../api/update-consultation.js';
import {
  type ConsultationFormValues,
  toConsultationFormValues,
  toConsultationPayload,
  toFactsPayload,
  toProfilePayload,
} from './consultation-form-values.js';
import { useTopicNames } from './use-topic-names.js';

/** Whom the form records a consultation for, or which consultation it changes. */
export type ConsultationFormMode =
  | { kind: 'client'; clientId: string; defaults: ConsultationDefaults | null }
  | { kind: 'anonymous'; defaults: ConsultationDefaults | null }
  | { kind: 'edit'; consultation: ConsultationResponse };

type ConsultationFormProps = {
  mode: ConsultationFormMode;
  /** Projects that can be chosen (active ones, and the one already chosen). */
  projects: Option[];
  branches: Option[];
  /** The level of the form's section headings: 3 below a page's own h2 (inside a client's record). */
  headingOrder?: 2 | 3;
  onSaved: (saved: ConsultationResponse) => void;
  onCancel: () => void;
};

/**
 * Records a consultation or changes one: when and how long, form, kind, topics, interpreter, project,
 * notes, outcome and follow-up; for an anonymous one also who was served, without a name. Of a legal
 * consultation whose content the user may not read, only the facts can be changed.
 */
export function ConsultationForm({ mode, projects, branches, headingOrder = 2, onSaved, onCancel }: ConsultationFormProps) {
  const { t } = useTranslation();
  const languages = useLanguageOptions();
  const countries = useCountryOptions();
  const topicNames = useTopicNames();
  const create = useCreateConsultation();
  const createAnonymous = useCreateAnonymousConsultation();
  const update = useUpdateConsultation();
  const mutation = mode.kind === 'edit' ? update : mode.kind === 'anonymous' ? createAnonymous : create;
  const contentHidden = mode.kind === 'edit' && mode.consultation.contentHidden;
  const source = mode.kind === 'edit' ? { consultation: mode.consultation } : { defaults: mode.defaults };

  const schema =
    mode.kind === 'edit' ? updateConsultationInput : mode.kind === 'anonymous' ? createAnonymousConsultationInput : createConsultationInput;
  const withProfile = mode.kind === 'anonymous' || (mode.kind === 'edit' && mode.consultation.anonymous);
  const toPayload = (values: ConsultationFormValues) => ({
    ...(contentHidden ? toFactsPayload(values) : toConsultationPayload(values)),
    ...(withProfile ? { anonymousProfile: toProfilePayload(values) } : {}),
  });
  const validateSchema = createSchemaValidator(schema, toPayload, t);

  const form = useForm<ConsultationFormValues>({
    initialValues: toConsultationFormValues(source, new Date()),
    validate: (values) => {
      const errors: FormErrors = validateSchema(values);
      // The API's `startedAt` is the form's day and time.
      delete errors.startedAt;
      if (!values.date) errors.date = t('validation.required');
      if (!/^\d{2}:\d{2}$/.test(values.time)) errors.time = t('validation.required');
      if (errors.durationMinutes) errors.durationMinutes = t('consultations.durationRange', { max: maxConsultationMinutes });
      return errors;
    },
  });

  // A new consultation counts against the project the client is eligible for on its day, until the user chooses one.
  const creating = mode.kind !== 'edit';
  const projectDefault = useConsultationDefaults(
    { ...(mode.kind === 'client' ? { clientId: mode.clientId } : {}), ...(form.values.date ? { on: form.values.date } : {}) },
    { enabled: creating },
  );
  const projectChosen = useRef(!creating);
  const appliedDefault = useRef<string | null | undefined>(undefined);
  const defaultProjectId = projectDefault.data?.projectId;
  const { setFieldValue } = form;
  useEffect(() => {
    if (defaultProjectId === undefined || projectChosen.current || appliedDefault.current === defaultProjectId) return;
    appliedDefault.current = defaultProjectId;
    setFieldValue('projectId', defaultProjectId);
  }, [defaultProjectId, setFieldValue]);

  const { leaving, dialog: leaveDialog } = useUnsavedChangesGuard(() => form.isDirty());

  function save(values: ConsultationFormValues) {
    const handlers = {
      onSuccess: (saved: ConsultationResponse) => {
        leaving.current = true;
        onSaved(saved);
      },
      onError: (error: Error) => {
        if (!isApiError(error)) return;
        applyApiErrors(form, error, t);
        const startedAt = error.fieldIssues.find((issue) => issue.field === 'body.startedAt');
        if (startedAt) {
          form.setFieldError('date', startedAt.code === 'in_future' ? t('consultations.dateInFuture') : t('validation.date'));
        }
      },
    };
    const payload = toPayload(values);
    if (mode.kind === 'edit')
      update.mutate(
        { id: mode.consultation.id, input: updateConsultationInput.parse(payload), version: mode.consultation.version },
        handlers,
      );
    else if (mode.kind === 'anonymous') createAnonymous.mutate(createAnonymousConsultationInput.parse(payload), handlers);
    else {
      const appointmentId = mode.defaults?.appointmentId;
      create.mutate(
        { clientId: mode.clientId, input: createConsultationInput.parse({ ...payload, ...(appointmentId ? { appointmentId } : {}) }) },
        handlers,
      );
    }
  }

  const keptTopics = mode.kind === 'edit' && !mode.consultation.contentHidden ? mode.consultation.topics : [];
  const projectOptions =
    form.values.projectId && !projects.some((p) => p.value === form.values.projectId)
      ? [...projects, { value: form.values.projectId, label: form.values.projectId }]
      : projects;

  return (
    <form
      noValidate
      aria-label={mode.kind === 'edit' ? t('consultations.editTitle') : t('consultations.newTitle')}
      onSubmit={form.onSubmit(save, () => {
        // Move to the first field that needs attention.
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      })}
    >
      <Stack gap="lg">
        {mutation.error && !(isApiError(mutation.error, 'VALIDATION_FAILED') && mutation.error.fieldIssues.length) ? (
          <ErrorAlert error={mutation.error} />
        ) : null}
        {mode.kind === 'client' && mode.defaults?.appointmentId ? (
          <Alert variant="light" color="blue">
            {t('consultations.fromAppointment')}
          </Alert>
        ) : null}

        {withProfile ? (
          <SectionCard order={headingOrder} title={t('consultations.anonymousProfile')}>
            <Stack gap="md">
              <Radio.Group label={t('consultations.sex')} required {...form.getInputProps('anonymousProfile.sex')}>
                <Group gap="lg" mt={6}>
                  {sexes.map((sex) => (
                    <Radio key={sex} value={sex} label={t(`sex.${sex}`)} />
                  ))}
                </Group>
              </Radio.Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <SelectField
                  label={t('consultations.ageBand')}
                  required
                  data={ageBands.map((band) => ({ value: band, label: t(`ageBand.${band}`) }))}
                  {...form.getInputProps('anonymousProfile.ageBand')}
                />
                <SelectField
                  label={t('consultations.citizenship')}
                  description={t('consultations.citizenshipHint')}
                  data={countries}
                  searchable
                  clearable
                  {...form.getInputProps('anonymousProfile.citizenship')}
                />
                <SelectField
                  label={t('consultations.residenceCategory')}
                  required
                  searchable
                  data={residenceCategories.map((category) => ({ value: category, label: t(`residenceCategory.${category}`) }))}
                  {...form.getInputProps('anonymousProfile.residenceCategory')}
                />
              </SimpleGrid>
            </Stack>
          </SectionCard>
        ) : null}

        <SectionCard order={headingOrder} title={t('consultations.sectionWhen')}>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <DateField label={t('consultations.date')} required maxDate={new Date()} {...form.getInputProps('date')} />
            <TimeInput label={t('consultations.time')} required {...form.getInputProps('time')} />
            <NumberInput
              label={t('consultations.durationMinutes')}
              required
              min={1}
              max={maxConsultationMinutes}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('durationMinutes')}
            />
          </SimpleGrid>
        </SectionCard>

        {contentHidden ? (
          <Alert variant="light" color="gray" icon={<IconLock aria-hidden />}>
            {t('consultations.contentHiddenEdit')}
          </Alert>
        ) : (
          <SectionCard order={headingOrder} title={t('consultations.sectionContent')}>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <SelectField
                  label={t('consultations.form')}
                  required
                  allowDeselect={false}
                  data={consultationForms.map((value) => ({ value, label: t(`consultations.forms.${value}`) }))}
                  {...form.getInputProps('form')}
                />
                <Radio.Group label={t('consultations.kind')} required {...form.getInputProps('kind')}>
                  <Group gap="lg" mt={6}>
                    {consultationKinds.map((kind) => (
                      <Radio key={kind} value={kind} label={t(`consultations.kinds.${kind}`)} />
                    ))}
                  </Group>
                </Radio.Group>
              </SimpleGrid>
              {form.values.kind === 'legal' ? (
                <Alert variant="light" color="blue" icon={<IconLock aria-hidden />}>
                  {t('consultations.legalHint')}
                </Alert>
              ) : null}
              <MultiSelectField
                label={t('consultations.topics')}
                required
                searchable
                data={topicNames.optionsFor(keptTopics)}
                maxValues={20}
                {...form.getInputProps('topics')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <SelectField
                  label={t('consultations.interpreterLanguage')}
                  description={t('consultations.interpreterHint')}
                  data={languages}
                  filter={languageOptionsFilter}
                  searchable
                  clearable
                  {...form.getInputProps('interpreter.language')}
                />
                <Radio.Group label={t('consultations.interpreterKind')} {...form.getInputProps('interpreter.kind')}>
                  <Group gap="lg" mt={6}>
                    {interpreterKinds.map((kind) => (
                      <Radio
                        key={kind}
                        value={kind}
                        label={t(`consultations.interpreterKinds.${kind}`)}
                        disabled={!form.values.interpreter.language}
                      />
                    ))}
                  </Group>
                </Radio.Group>
              </SimpleGrid>
              <Textarea label={t('consultations.notes')} autosize minRows={3} maxRows={12} {...form.getInputProps('notes')} />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Textarea label={t('consultations.outcome')} autosize minRows={2} maxRows={8} {...form.getInputProps('outcome')} />
                <Textarea label={t('consultations.followUp')} autosize minRows={2} maxRows={8} {...form.getInputProps('followUp')} />
              </SimpleGrid>
            </Stack>
          </SectionCard>
        )}

        <SectionCard order={headingOrder} title={t('consultations.sectionCounting')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <SelectField
              label={t('consultations.project')}
              description={creating ? t('consultations.projectHint') : undefined}
              data={projectOptions}
              searchable
              clearable
              {...form.getInputProps('projectId')}
              onChange={(value) => {
                projectChosen.current = true;
                form.setFieldValue('projectId', value);
              }}
            />
            <SelectField label={t('consultations.branch')} data={branches} clearable {...form.getInputProps('branchId')} />
          </SimpleGrid>
        </SectionCard>

        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
      {leaveDialog}
    </form>
  );
}
