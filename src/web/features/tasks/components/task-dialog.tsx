import { Button, CloseButton, Group, Input, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createTaskInput, type TaskResponse, toCentreDate, updateTaskInput } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ResponsiveModal } from '../../../components/dialogs/responsive-modal.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { showSuccess } from '../../../components/feedback/show-notification.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { DateField } from '../../../components/forms/date-field.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { SelectField } from '../../../components/forms/select-field.js';
import { toNullableText } from '../../../components/forms/text-value.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { ClientSearchBox, formatClientName } from '../../clients/index.js';
import { useAssignees } from '../api/find-assignees.js';
import { useChangeTaskStatus } from '../api/change-task-status.js';
import { useCreateTask } from '../api/create-task.js';
import { useUpdateTask } from '../api/update-task.js';
import { taskTitleOf } from './task-title.js';

type TaskClient = NonNullable<TaskResponse['client']>;
type TaskValues = { title: string; description: string; dueOn: string | null; assigneeId: string | null };

const toTaskPayload = (values: TaskValues) => ({
  title: values.title,
  description: toNullableText(values.description),
  dueOn: values.dueOn ?? '',
  assigneeId: values.assigneeId,
});

type TaskDialogProps = {
  /** The task to change; a new task when absent. */
  task?: TaskResponse;
  /** Who a new task is assigned to at first. */
  defaultAssigneeId?: string | null;
  onClose: () => void;
};

/** Creates a task (for a client or not) or changes an open one; an open task can also be cancelled here. */
export function TaskDialog({ task, defaultAssigneeId = null, onClose }: TaskDialogProps) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  const createTask = useCreateTask();
  const updateTask = useUpdateTask();
  const changeStatus = useChangeTaskStatus();
  const assignees = useAssignees();
  const [client, setClient] = useState<TaskClient | null>(task?.client ?? null);
  const mutation = task ? updateTask : createTask;
  const form = useForm<TaskValues>({
    initialValues: task
      ? { title: task.title, description: task.description ?? '', dueOn: task.dueOn, assigneeId: task.assignee?.id ?? null }
      : { title: '', description: '', dueOn: toCentreDate(new Date()), assigneeId: defaultAssigneeId },
    validate: createSchemaValidator(task ? updateTaskInput : createTaskInput, toTaskPayload, t),
  });
  const assigneeOptions = (assignees.data?.items ?? []).map((member) => ({ value: member.id, label: member.name }));
  if (task?.assignee && !assigneeOptions.some((option) => option.value === task.assignee?.id)) {
    assigneeOptions.unshift({ value: task.assignee.id, label: task.assignee.name });
  }
  const handlers = (message: string) => ({
    onSuccess: () => {
      showSuccess(message);
      onClose();
    },
    onError: (error: unknown) => {
      if (isApiError(error)) applyApiErrors(form, error, t);
    },
  });
  const submit = (values: TaskValues) => {
    const payload = toTaskPayload(values);
    if (task) updateTask.mutate({ taskId: task.id, input: updateTaskInput.parse(payload) }, handlers(t('tasks.saved')));
    else createTask.mutate(createTaskInput.parse({ ...payload, clientId: client?.id ?? null }), handlers(t('tasks.created')));
  };
  const error = mutation.error ?? changeStatus.error;

  return (
    <ResponsiveModal opened onClose={onClose} title={task ? t('tasks.edit') : t('tasks.create')}>
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack gap="md">
          {error && !isApiError(error, 'VALIDATION_FAILED') ? <ErrorAlert error={error} /> : null}
          {task?.permit ? (
            <Text size="sm" c="dimmed">
              {taskTitleOf(task, t, formatDate, toCentreDate(new Date()))}
            </Text>
          ) : null}
          <TextInput label={t('tasks.title')} required data-autofocus {...form.getInputProps('title')} />
          <DateField label={t('tasks.dueOn')} required {...form.getInputProps('dueOn')} />
          <SelectField
            label={t('tasks.assignee')}
            placeholder={t('tasks.unassigned')}
            searchable
            clearable
            data={assigneeOptions}
            {...form.getInputProps('assigneeId')}
          />
          {task ? (
            client ? (
              <Input.Wrapper label={t('tasks.client')}>
                <Text>{`${formatClientName(client)} (${client.clientNumber})`}</Text>
              </Input.Wrapper>
            ) : null
          ) : client ? (
            <Input.Wrapper label={t('tasks.client')}>
              <Paper withBorder p="xs" radius="sm">
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text style={{ overflowWrap: 'anywhere' }}>{`${formatClientName(client)} (${client.clientNumber})`}</Text>
                  <CloseButton aria-label={t('tasks.removeClient')} onClick={() => setClient(null)} />
                </Group>
              </Paper>
            </Input.Wrapper>
          ) : (
            <ClientSearchBox label={t('tasks.client')} description={t('tasks.clientHint')} onPick={(picked) => setClient(picked)} />
          )}
          <Textarea label={t('tasks.description')} autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
          <Group justify="space-between" gap="sm" wrap="wrap">
            {task ? (
              <Button
                variant="subtle"
                color="red"
                loading={changeStatus.isPending}
                onClick={() => changeStatus.mutate({ taskId: task.id, change: 'cancel' }, handlers(t('tasks.cancelled')))}
              >
                {t('tasks.cancelTask')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </ResponsiveModal>
  );
}
