import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { setUserPasswordInput, type UserResponse } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { PasswordField } from '../../../components/forms/password-field.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { useResetUserPassword } from '../api/reset-user-password.js';

type PasswordValues = { newPassword: string; newPasswordAgain: string };
const toPayload = (values: PasswordValues) => ({ newPassword: values.newPassword });

type SetPasswordFormProps = { user: UserResponse; onSaved: () => void; onCancel: () => void };

/** An administrator sets a new password for a staff member, who then has no session left. */
export function SetPasswordForm({ user, onSaved, onCancel }: SetPasswordFormProps) {
  const { t } = useTranslation();
  const resetPassword = useResetUserPassword();
  const schemaValidator = createSchemaValidator(setUserPasswordInput, toPayload, t);
  const form = useForm<PasswordValues>({
    initialValues: { newPassword: '', newPasswordAgain: '' },
    validate: (values) => {
      const errors = schemaValidator(values);
      if (values.newPassword !== values.newPasswordAgain) errors.newPasswordAgain = t('validation.passwordsDiffer');
      return errors;
    },
  });

  const submit = form.onSubmit((values) =>
    resetPassword.mutate(
      { id: user.id, input: toPayload(values) },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (isApiError(error)) applyApiErrors(form, error, t);
        },
      },
    ),
  );

  const showGeneralError =
    resetPassword.error && !(isApiError(resetPassword.error, 'VALIDATION_FAILED') && Object.keys(form.errors).length > 0);

  return (
    <form onSubmit={submit} noValidate aria-label={t('users.setPasswordNamed', { name: user.name })}>
      <Stack gap="md">
        <Text>{t('users.setPasswordText', { name: user.name })}</Text>
        {showGeneralError ? <ErrorAlert error={resetPassword.error} /> : null}
        <PasswordField
          label={t('users.newPassword')}
          description={t('account.passwordRule')}
          autoComplete="new-password"
          required
          data-autofocus
          {...form.getInputProps('newPassword')}
        />
        <PasswordField
          label={t('users.newPasswordAgain')}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPasswordAgain')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={resetPassword.isPending}>
            {t('users.setPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
