import { ActionIcon, Button, Checkbox, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  addGoalInput,
  goalStatuses,
  lifeAreas,
  type PlanGoalResponse,
  type PlanResponse,
  updateGoalInput,
} from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ResponsiveModal } from '../../../components/dialogs/responsive-modal.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { showSuccess } from '../../../components/feedback/show-notification.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { DateField } from '../../../components/forms/date-field.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { SelectField } from '../../../components/forms/select-field.js';
import { useAddGoal } from '../api/add-goal.js';
import { useUpdateGoal } from '../api/update-goal.js';
import { ResponsibleSelect } from './staff-select.js';

type GoalValues = {
  area: string | null;
  title: string;
  status: string;
  steps: { text: string; done: boolean }[];
  responsibleId: string | null;
  dueOn: string | null;
};

const toGoalPayload = (values: GoalValues) => ({
  area: values.area ?? '',
  title: values.title,
  status: values.status,
  steps: values.steps,
  responsibleId: values.responsibleId,
  dueOn: values.dueOn,
});

type GoalDialogProps = {
  plan: PlanResponse;
  /** The goal to change; a new goal when absent. */
  goal?: PlanGoalResponse;
  onClose: () => void;
};

/** Adds a goal to the plan or changes one: its life area, wording, status, steps, responsible person and due date. */
export function GoalDialog({ plan, goal, onClose }: GoalDialogProps) {
  const { t } = useTranslation();
  const addGoal = useAddGoal();
  const updateGoal = useUpdateGoal();
  const mutation = goal ? updateGoal : addGoal;
  const form = useForm<GoalValues>({
    initialValues: goal
      ? {
          area: goal.area,
          title: goal.title,
          status: goal.status,
          steps: goal.steps,
          responsibleId: goal.responsible?.id ?? null,
          dueOn: goal.dueOn,
        }
      : { area: null, title: '', status: 'planned', steps: [], responsibleId: null, dueOn: null },
    validate: createSchemaValidator(goal ? updateGoalInput : addGoalInput, toGoalPayload, t),
  });
  const handlers = {
    onSuccess: () => {
      showSuccess(goal ? t('plans.goalSaved') : t('plans.goalAdded'));
      onClose();
    },
    onError: (error: unknown) => {
      if (isApiError(error)) applyApiErrors(form, error, t);
    },
  };
  const submit = (values: GoalValues) => {
    const payload = toGoalPayload(values);
    if (goal) updateGoal.mutate({ goalId: goal.id, input: updateGoalInput.parse(payload), version: goal.version }, handlers);
    else addGoal.mutate({ planId: plan.id, input: addGoalInput.parse(payload) }, handlers);
  };

  return (
    <ResponsiveModal opened onClose={onClose} title={goal ? t('plans.editGoal') : t('plans.addGoal')} size="lg">
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack gap="md">
          {mutation.error && !isApiError(mutation.error, 'VALIDATION_FAILED') ? <ErrorAlert error={mutation.error} /> : null}
          <SelectField
            label={t('plans.area')}
            required
            data-autofocus
            data={lifeAreas.map((area) => ({ value: area, label: t(`lifeArea.${area}`) }))}
            {...form.getInputProps('area')}
          />
          <TextInput label={t('plans.goal')} required {...form.getInputProps('title')} />
          <SelectField
            label={t('plans.goalStatus')}
            required
            allowDeselect={false}
            data={goalStatuses.map((status) => ({ value: status, label: t(`goalStatus.${status}`) }))}
            {...form.getInputProps('status')}
          />
          <Fieldset legend={t('plans.steps')} variant="unstyled">
            <Stack gap="xs">
              {form.values.steps.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('plans.noSteps')}
                </Text>
              ) : null}
              {form.values.steps.map((step, index) => (
                // Steps have no ids of their own; their place in the list is what the API knows them by.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                  <Checkbox
                    mt={8}
                    aria-label={t('plans.stepDone', { number: index + 1 })}
                    {...form.getInputProps(`steps.${index}.done`, { type: 'checkbox' })}
                  />
                  <TextInput
                    style={{ flex: 1 }}
                    aria-label={t('plans.stepNumber', { number: index + 1 })}
                    placeholder={step.text ? undefined : t('plans.stepPlaceholder')}
                    {...form.getInputProps(`steps.${index}.text`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    mt={2}
                    aria-label={t('plans.removeStep', { number: index + 1 })}
                    onClick={() => form.removeListItem('steps', index)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => form.insertListItem('steps', { text: '', done: false })}
                >
                  {t('plans.addStep')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <ResponsibleSelect label={t('plans.responsible')} current={goal?.responsible ?? null} {...form.getInputProps('responsibleId')} />
          <DateField label={t('plans.dueOn')} {...form.getInputProps('dueOn')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ResponsiveModal>
  );
}
