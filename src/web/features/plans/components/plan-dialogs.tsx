import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  closePlanInput,
  openPlanInput,
  type PlanResponse,
  closingOutcomes,
  planReviewInput,
  toCentreDate,
  updatePlanInput,
} from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ResponsiveModal } from '../../../components/dialogs/responsive-modal.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { showSuccess } from '../../../components/feedback/show-notification.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { DateField } from '../../../components/forms/date-field.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { SelectField } from '../../../components/forms/select-field.js';
import { useClosePlan } from '../api/close-plan.js';
import { useOpenPlan } from '../api/open-plan.js';
import { useReviewPlan } from '../api/review-plan.js';
import { useUpdatePlan } from '../api/update-plan.js';
import { ResponsibleSelect } from './staff-select.js';

type Mutation = { isPending: boolean; error: unknown };

/** The frame every plan dialog shares: a titled form, its general error, Cancel and Save. */
function PlanDialogForm({
  title,
  mutation,
  submitLabel,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  mutation: Mutation;
  submitLabel?: string;
  /** The form's submit handler (Mantine's `form.onSubmit(…)`). */
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ResponsiveModal opened onClose={onClose} title={title}>
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="md">
          {mutation.error && !isApiError(mutation.error, 'VALIDATION_FAILED') ? <ErrorAlert error={mutation.error} /> : null}
          {children}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ResponsiveModal>
  );
}

/** Submits a dialog's payload: closes with a notice on success, puts the API's field errors on the fields. */
function useSubmit<Variables>(
  form: Parameters<typeof applyApiErrors>[0],
  mutate: (variables: Variables, options: { onSuccess: () => void; onError: (error: unknown) => void }) => void,
  done: string,
  onClose: () => void,
) {
  const { t } = useTranslation();
  return (variables: Variables) =>
    mutate(variables, {
      onSuccess: () => {
        showSuccess(done);
        onClose();
      },
      onError: (error) => {
        if (isApiError(error)) applyApiErrors(form, error, t);
      },
    });
}

type OpenValues = { openedOn: string | null; responsibleId: string | null; nextReviewOn: string | null };
const toOpenPayload = (values: OpenValues): z.input<typeof openPlanInput> => ({
  openedOn: values.openedOn ?? '',
  responsibleId: values.responsibleId,
  nextReviewOn: values.nextReviewOn,
});

/** Opens a plan: the day, who is responsible (the counsellor opening it unless changed), the first review. */
export function OpenPlanDialog({ clientId, myId, onClose }: { clientId: string; myId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const openPlan = useOpenPlan();
  const form = useForm<OpenValues>({
    initialValues: { openedOn: toCentreDate(new Date()), responsibleId: myId, nextReviewOn: null },
    validate: createSchemaValidator(openPlanInput, toOpenPayload, t),
  });
  const submit = useSubmit(form, openPlan.mutate, t('plans.opened'), onClose);
  return (
    <PlanDialogForm
      title={t('plans.open')}
      mutation={openPlan}
      submitLabel={t('plans.open')}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => submit({ clientId, input: toOpenPayload(values) }))}
    >
      <DateField label={t('plans.openedOn')} required data-autofocus {...form.getInputProps('openedOn')} />
      <ResponsibleSelect label={t('plans.responsible')} {...form.getInputProps('responsibleId')} />
      <DateField label={t('plans.nextReviewOn')} {...form.getInputProps('nextReviewOn')} />
    </PlanDialogForm>
  );
}

type SettingsValues = { responsibleId: string | null; nextReviewOn: string | null };

/** Changes who is responsible for the plan and when it is next reviewed. */
export function PlanSettingsDialog({ plan, onClose }: { plan: PlanResponse; onClose: () => void }) {
  const { t } = useTranslation();
  const updatePlan = useUpdatePlan();
  const form = useForm<SettingsValues>({
    initialValues: { responsibleId: plan.responsible?.id ?? null, nextReviewOn: plan.nextReviewOn },
    validate: createSchemaValidator(updatePlanInput, (values: SettingsValues) => values, t),
  });
  const submit = useSubmit(form, updatePlan.mutate, t('plans.saved'), onClose);
  return (
    <PlanDialogForm
      title={t('plans.editPlan')}
      mutation={updatePlan}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => submit({ planId: plan.id, input: values, version: plan.version }))}
    >
      <ResponsibleSelect
        label={t('plans.responsible')}
        current={plan.responsible}
        data-autofocus
        {...form.getInputProps('responsibleId')}
      />
      <DateField label={t('plans.nextReviewOn')} {...form.getInputProps('nextReviewOn')} />
    </PlanDialogForm>
  );
}

type ReviewValues = { reviewedOn: string | null; summary: string; nextReviewOn: string | null };
const toReviewPayload = (values: ReviewValues) => ({
  reviewedOn: values.reviewedOn ?? '',
  summary: values.summary,
  ...(values.nextReviewOn ? { nextReviewOn: values.nextReviewOn } : {}),
});

/** Records a review with the client: when, what was agreed, and optionally the next review. */
export function ReviewDialog({ plan, onClose }: { plan: PlanResponse; onClose: () => void }) {
  const { t } = useTranslation();
  const reviewPlan = useReviewPlan();
  const form = useForm<ReviewValues>({
    initialValues: { reviewedOn: toCentreDate(new Date()), summary: '', nextReviewOn: null },
    validate: createSchemaValidator(planReviewInput, toReviewPayload, t),
  });
  const submit = useSubmit(form, reviewPlan.mutate, t('plans.reviewed'), onClose);
  return (
    <PlanDialogForm
      title={t('plans.recordReview')}
      mutation={reviewPlan}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => submit({ planId: plan.id, input: planReviewInput.parse(toReviewPayload(values)) }))}
    >
      <DateField label={t('plans.reviewedOn')} required data-autofocus {...form.getInputProps('reviewedOn')} />
      <Textarea label={t('plans.reviewSummary')} required autosize minRows={3} maxRows={10} {...form.getInputProps('summary')} />
      <DateField label={t('plans.nextReviewOn')} description={t('plans.nextReviewHint')} {...form.getInputProps('nextReviewOn')} />
    </PlanDialogForm>
  );
}

type CloseValues = { closedOn: string | null; outcome: string | null };
const toClosePayload = (values: CloseValues) => ({ closedOn: values.closedOn ?? '', outcome: values.outcome ?? '' });

/** Closes the plan with an outcome; it then moves to the history and cannot be changed. */
export function ClosePlanDialog({ plan, onClose }: { plan: PlanResponse; onClose: () => void }) {
  const { t } = useTranslation();
  const closePlan = useClosePlan();
  const form = useForm<CloseValues>({
    initialValues: { closedOn: toCentreDate(new Date()), outcome: null },
    validate: createSchemaValidator(closePlanInput, toClosePayload, t),
  });
  const submit = useSubmit(form, closePlan.mutate, t('plans.closed'), onClose);
  return (
    <PlanDialogForm
      title={t('plans.close')}
      mutation={closePlan}
      submitLabel={t('plans.close')}
      onClose={onClose}
      onSubmit={form.onSubmit((values) =>
        submit({ planId: plan.id, input: closePlanInput.parse(toClosePayload(values)), version: plan.version }),
      )}
    >
      <DateField label={t('plans.closedOn')} required data-autofocus {...form.getInputProps('closedOn')} />
      <SelectField
        label={t('plans.outcome')}
        required
        data={closingOutcomes.map((outcome) => ({ value: outcome, label: t(`planOutcome.${outcome}`) }))}
        {...form.getInputProps('outcome')}
      />
    </PlanDialogForm>
  );
}
