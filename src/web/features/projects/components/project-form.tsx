import { Button, Group, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { createProjectInput, type ProjectResponse } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { DateField } from '../../../components/forms/date-field.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { useCreateProject } from '../api/create-project.js';
import { useUpdateProject } from '../api/update-project.js';
import { type ProjectFormValues, toProjectFormValues, toProjectPayload } from './project-form-values.js';
import { TargetGroupEditor } from './target-group-editor.js';

type ProjectFormProps = { project: ProjectResponse | null; regionCode: string; onSaved: () => void; onCancel: () => void };

/** Creates or changes a project, its period and its target-group rule. */
export function ProjectForm({ project, regionCode, onSaved, onCancel }: ProjectFormProps) {
  const { t } = useTranslation();
  const createProject = useCreateProject();
  const updateProject = useUpdateProject();
  const mutation = project ? updateProject : createProject;
  const form = useForm<ProjectFormValues>({
    initialValues: toProjectFormValues(project, regionCode),
    validate: createSchemaValidator(createProjectInput, toProjectPayload, t),
  });

  const submit = form.onSubmit((values) => {
    const input = createProjectInput.parse(toProjectPayload(values));
    const handlers = {
      onSuccess: onSaved,
      onError: (error: Error) => {
        if (isApiError(error, 'CONFLICT')) form.setFieldError('code', t('projects.codeTaken'));
        else if (isApiError(error)) applyApiErrors(form, error, t);
      },
    };
    if (project) updateProject.mutate({ id: project.id, input }, handlers);
    else createProject.mutate(input, handlers);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {mutation.error && !isApiError(mutation.error, 'CONFLICT') && !isApiError(mutation.error, 'VALIDATION_FAILED') ? (
          <ErrorAlert error={mutation.error} />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('projects.code')}
            description={t('projects.codeHint')}
            required
            data-autofocus
            {...form.getInputProps('code')}
          />
          <TextInput label={t('projects.funder')} required {...form.getInputProps('funder')} />
        </SimpleGrid>
        <TextInput label={t('projects.name')} required {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <DateField label={t('projects.startsOn')} required {...form.getInputProps('startsOn')} />
          <DateField label={t('projects.endsOn')} required {...form.getInputProps('endsOn')} />
        </SimpleGrid>
        <Switch
          label={t('projects.active')}
          description={t('projects.activeHint')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Textarea label={t('projects.description')} autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
        <TargetGroupEditor form={form} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
