import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../components/api/api-error.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { showSuccess } from '../../../components/feedback/show-notification.js';
import { PasswordField } from '../../../components/forms/password-field.js';
import { useDisableTwoFactor } from '../api/disable-two-factor.js';
import { TwoFactorEnrolment } from './two-factor-enrolment.js';

type TwoFactorPanelProps = {
  enabled: boolean;
  /** A role of the user requires it: it is shown as on, with no way to turn it off. */
  required: boolean;
};

/** Two-factor sign-in of the signed-in user: its state, setting it up, turning it off. */
export function TwoFactorPanel({ enabled, required }: TwoFactorPanelProps) {
  const { t } = useTranslation();
  const [enrolling, setEnrolling] = useState(false);
  const [disableOpened, disableDialog] = useDisclosure(false);
  const disable = useDisableTwoFactor();
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (value) => (value ? null : t('validation.required')) },
  });

  const closeDisable = () => {
    disableDialog.close();
    form.reset();
    disable.reset();
  };

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Text>{t('account.twoFactorState')}</Text>
        <Badge color={enabled ? 'green' : 'gray'} variant="light">
          {enabled ? t('account.twoFactorOn') : t('account.twoFactorOff')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('account.twoFactorExplained')}
      </Text>

      {enabled && required ? (
        <Text size="sm">{t('account.twoFactorDisableRequired')}</Text>
      ) : enabled ? (
        <Group>
          <Button variant="default" color="red" onClick={disableDialog.open}>
            {t('account.twoFactorDisable')}
          </Button>
        </Group>
      ) : enrolling ? (
        <TwoFactorEnrolment
          onDone={() => {
            setEnrolling(false);
            showSuccess(t('account.twoFactorEnabled'));
          }}
          onCancel={() => setEnrolling(false)}
        />
      ) : (
        <Group>
          <Button onClick={() => setEnrolling(true)}>{t('account.twoFactorSetUp')}</Button>
        </Group>
      )}

      <Modal
        opened={disableOpened}
        onClose={closeDisable}
        title={t('account.twoFactorDisable')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            disable.mutate(values.password, {
              onSuccess: () => {
                closeDisable();
                showSuccess(t('account.twoFactorDisabled'));
              },
              onError: (error) => {
                if (isApiError(error, 'INVALID_CREDENTIALS') || isApiError(error, 'VALIDATION_FAILED')) {
                  form.setFieldError('password', t('validation.wrongPassword'));
                }
              },
            }),
          )}
        >
          <Stack gap="md">
            <Text>{t('account.twoFactorDisableText')}</Text>
            {disable.error && !isApiError(disable.error, 'INVALID_CREDENTIALS') && !isApiError(disable.error, 'VALIDATION_FAILED') ? (
              <ErrorAlert
                error={disable.error}
                // The API refuses when a role of the user requires two factors.
                message={isApiError(disable.error, 'FORBIDDEN') ? t('account.twoFactorDisableRequired') : undefined}
              />
            ) : null}
            <PasswordField
              label={t('account.currentPassword')}
              autoComplete="current-password"
              required
              data-autofocus
              {...form.getInputProps('password')}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={closeDisable}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={disable.isPending}>
                {t('account.twoFactorDisable')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
