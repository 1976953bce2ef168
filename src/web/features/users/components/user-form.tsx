import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { createUserInput, roles, type UiLanguage, uiLanguages, updateUserInput, type UserResponse } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { PasswordField } from '../../../components/forms/password-field.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { MultiSelectField, SelectField } from '../../../components/forms/select-field.js';
import type { Option } from '../../../components/intl/use-code-options.js';
import { languageNames } from '../../../components/layout/language-menu.js';
import { useCreateUser } from '../api/create-user.js';
import { useUpdateUser } from '../api/update-user.js';

type UserValues = { name: string; email: string; password: string; roles: string[]; branchId: string | null; locale: UiLanguage };

const toCreatePayload = (values: UserValues) => ({
  name: values.name.trim(),
  email: values.email.trim(),
  password: values.password,
  roles: values.roles,
  branchId: values.branchId || null,
  locale: values.locale,
});
const toUpdatePayload = (values: UserValues) => ({ name: values.name.trim(), roles: values.roles, branchId: values.branchId || null });

type UserFormProps = { user: UserResponse | null; branches: Option[]; onSaved: () => void; onCancel: () => void };

/** Creates a staff account, or changes the name, roles and branch of one. */
export function UserForm({ user, branches, onSaved, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const mutation = user ? updateUser : createUser;
  const form = useForm<UserValues>({
    initialValues: {
      name: user?.name ?? '',
      email: user?.email ?? '',
      password: '',
      roles: user?.roles ?? [],
      branchId: user?.branchId ?? null,
      locale: user?.locale ?? 'cs',
    },
    validate: user
      ? createSchemaValidator(updateUserInput, toUpdatePayload, t)
      : createSchemaValidator(createUserInput, toCreatePayload, t),
  });

  const submit = form.onSubmit((values) => {
    const handlers = {
      onSuccess: onSaved,
      onError: (error: Error) => {
        if (!user && isApiError(error, 'CONFLICT')) form.setFieldError('email', t('users.emailTaken'));
        else if (isApiError(error)) applyApiErrors(form, error, t);
      },
    };
    if (user) updateUser.mutate({ id: user.id, input: updateUserInput.parse(toUpdatePayload(values)) }, handlers);
    else createUser.mutate(createUserInput.parse(toCreatePayload(values)), handlers);
  });

  const conflict = isApiError(mutation.error, 'CONFLICT');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {mutation.error && !isApiError(mutation.error, 'VALIDATION_FAILED') && !(conflict && !user) ? (
          <ErrorAlert error={mutation.error} message={conflict ? t('users.lastAdmin') : undefined} />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('users.name')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label={t('users.email')}
            type="email"
            required
            autoComplete="off"
            disabled={user !== null}
            description={user ? t('users.emailFixed') : undefined}
            {...form.getInputProps('email')}
          />
        </SimpleGrid>
        {user ? null : (
          <PasswordField
            label={t('users.initialPassword')}
            description={t('users.initialPasswordHint')}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
        )}
        <MultiSelectField
          label={t('users.roles')}
          required
          searchable
          data={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          {...form.getInputProps('roles')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <SelectField
            label={t('users.branch')}
            data={branches}
            clearable
            placeholder={t('users.noBranch')}
            {...form.getInputProps('branchId')}
          />
          {user ? null : (
            <SelectField
              label={t('users.language')}
              allowDeselect={false}
              data={uiLanguages.map((language) => ({ value: language, label: languageNames[language] }))}
              {...form.getInputProps('locale')}
            />
          )}
        </SimpleGrid>
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
