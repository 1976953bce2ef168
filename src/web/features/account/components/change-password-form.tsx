import { Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { changePasswordInput } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { showSuccess } from '../../../components/feedback/show-notification.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { PasswordField } from '../../../components/forms/password-field.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { useChangeMyPassword } from '../api/change-my-password.js';

type PasswordValues = { currentPassword: string; newPassword: string; newPasswordAgain: string };
const toPayload = (values: PasswordValues) => ({ currentPassword: values.currentPassword, newPassword: values.newPassword });

/** Changes the password; the user's other sessions end. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const changePassword = useChangeMyPassword();
  const schemaValidator = createSchemaValidator(changePasswordInput, toPayload, t);
  const form = useForm<PasswordValues>({
    initialValues: { currentPassword: '', newPassword: '', newPasswordAgain: '' },
    validate: (values) => {
      const errors = schemaValidator(values);
      if (values.newPassword !== values.newPasswordAgain) errors.newPasswordAgain = t('validation.passwordsDiffer');
      return errors;
    },
  });

  const submit = form.onSubmit((values) =>
    changePassword.mutate(toPayload(values), {
      onSuccess: () => {
        form.reset();
        showSuccess(t('account.passwordChanged'));
      },
      onError: (error) => {
        if (isApiError(error)) applyApiErrors(form, error, t);
      },
    }),
  );

  const showGeneralError =
    changePassword.error && !(isApiError(changePassword.error, 'VALIDATION_FAILED') && Object.keys(form.errors).length > 0);

  return (
    <form onSubmit={submit} noValidate aria-label={t('account.passwordTitle')}>
      <Stack gap="md" maw={420}>
        {showGeneralError ? <ErrorAlert error={changePassword.error} /> : null}
        <PasswordField
          label={t('account.currentPassword')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <PasswordField
          label={t('account.newPassword')}
          description={t('account.passwordRule')}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <PasswordField
          label={t('account.newPasswordAgain')}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPasswordAgain')}
        />
        <Button type="submit" loading={changePassword.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('account.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
