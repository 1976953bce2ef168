import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { branchInput } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { toNullableText } from '../../../components/forms/text-value.js';
import { useCreateBranch } from '../api/create-branch.js';
import type { Branch } from '../api/find-branches.js';
import { useUpdateBranch } from '../api/update-branch.js';

type BranchValues = { name: string; municipality: string; address: string };
const toPayload = (values: BranchValues) => ({
  name: values.name.trim(),
  municipality: values.municipality.trim(),
  address: toNullableText(values.address),
});

/** Adds a branch or changes one. */
export function BranchForm({ branch, onSaved, onCancel }: { branch: Branch | null; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const createBranch = useCreateBranch();
  const updateBranch = useUpdateBranch();
  const mutation = branch ? updateBranch : createBranch;
  const form = useForm<BranchValues>({
    initialValues: { name: branch?.name ?? '', municipality: branch?.municipality ?? '', address: branch?.address ?? '' },
    validate: createSchemaValidator(branchInput, toPayload, t),
  });

  const submit = form.onSubmit((values) => {
    const input = branchInput.parse(toPayload(values));
    const handlers = {
      onSuccess: onSaved,
      onError: (error: Error) => {
        if (isApiError(error)) applyApiErrors(form, error, t);
      },
    };
    if (branch) updateBranch.mutate({ id: branch.id, input }, handlers);
    else createBranch.mutate(input, handlers);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {mutation.error && !isApiError(mutation.error, 'VALIDATION_FAILED') ? <ErrorAlert error={mutation.error} /> : null}
        <TextInput label={t('branches.name')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('branches.municipality')} required {...form.getInputProps('municipality')} />
        <TextInput label={t('branches.address')} {...form.getInputProps('address')} />
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
