import { Alert, Button, Code, CopyButton, Group, List, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../components/api/api-error.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { PasswordField } from '../../../components/forms/password-field.js';
import { useConfirmTwoFactor } from '../api/confirm-two-factor.js';
import { type TwoFactorEnrolment as Enrolment, useEnableTwoFactor } from '../api/enable-two-factor.js';
import { QrCode } from '../../../components/qr/qr-code.js';

/** The secret written for typing into an app by hand, in groups of four. */
function readSecret(totpUri: string): string | null {
  try {
    const secret = new URL(totpUri).searchParams.get('secret');
    return secret ? (secret.match(/.{1,4}/g) ?? []).join(' ') : null;
  } catch {
    return null;
  }
}

function CopyTextButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          variant="default"
          size="xs"
          onClick={copy}
          leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
        >
          {copied ? t('common.copied') : label}
        </Button>
      )}
    </CopyButton>
  );
}

/** Sets up sign-in with an authenticator app: password, then the secret and backup codes, then a first code. */
export function TwoFactorEnrolment({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const enable = useEnableTwoFactor();
  const confirm = useConfirmTwoFactor();
  const passwordForm = useForm({
    initialValues: { password: '' },
    validate: { password: (value) => (value ? null : t('validation.required')) },
  });
  const codeForm = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (/^\d{6}$/.test(value.trim()) ? null : t('validation.totpCode')) },
  });

  if (!enrolment) {
    return (
      <form
        noValidate
        aria-label={t('account.twoFactorStart')}
        onSubmit={passwordForm.onSubmit((values) =>
          enable.mutate(values.password, {
            onSuccess: (result) => setEnrolment(result),
            onError: (error) => {
              if (isApiError(error, 'INVALID_CREDENTIALS') || isApiError(error, 'VALIDATION_FAILED')) {
                passwordForm.setFieldError('password', t('validation.wrongPassword'));
              }
            },
          }),
        )}
      >
        <Stack gap="md" maw={420}>
          <Text>{t('account.twoFactorPasswordIntro')}</Text>
          {enable.error && !isApiError(enable.error, 'INVALID_CREDENTIALS') && !isApiError(enable.error, 'VALIDATION_FAILED') ? (
            <ErrorAlert error={enable.error} />
          ) : null}
          <PasswordField
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            {...passwordForm.getInputProps('password')}
          />
          <Group gap="sm">
            <Button type="submit" loading={enable.isPending}>
              {t('account.twoFactorContinue')}
            </Button>
            {onCancel ? (
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    );
  }

  const secret = readSecret(enrolment.totpURI);
  const backupCodes = enrolment.backupCodes.join('\n');

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('account.twoFactorStep1')}
        </Title>
        <Text>{t('account.twoFactorScan')}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <QrCode value={enrolment.totpURI} label={t('account.qrLabel')} />
          <Stack gap="xs">
            {secret ? (
              <>
                <Text size="sm" fw={600}>
                  {t('account.secretKey')}
                </Text>
                <Code block fz="md" style={{ letterSpacing: '0.05em', whiteSpace: 'pre-wrap', overflow: 'visible' }}>
                  {secret}
                </Code>
              </>
            ) : null}
            <Text size="sm" fw={600}>
              {t('account.totpUri')}
            </Text>
            <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', overflow: 'visible' }}>
              {enrolment.totpURI}
            </Code>
            <Group>
              <CopyTextButton value={enrolment.totpURI} label={t('account.copyUri')} />
            </Group>
          </Stack>
        </SimpleGrid>
      </Stack>

      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('account.twoFactorStep2')}
        </Title>
        <Alert color="yellow" variant="light" title={t('account.backupCodesTitle')}>
          {t('account.backupCodesText')}
        </Alert>
        <List spacing={2} listStyleType="none" ff="monospace" aria-label={t('account.backupCodesTitle')}>
          {enrolment.backupCodes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
        <Group>
          <CopyTextButton value={backupCodes} label={t('account.copyBackupCodes')} />
        </Group>
      </Stack>

      <form
        noValidate
        aria-label={t('account.twoFactorStep3')}
        onSubmit={codeForm.onSubmit((values) =>
          confirm.mutate(values.code.trim(), {
            onSuccess: onDone,
            onError: (error) => {
              if (isApiError(error, 'INVALID_CREDENTIALS') || isApiError(error, 'VALIDATION_FAILED')) {
                codeForm.setFieldError('code', t('signIn.invalidCode'));
              }
            },
          }),
        )}
      >
        <Stack gap="sm" maw={420}>
          <Title order={3} size="h5">
            {t('account.twoFactorStep3')}
          </Title>
          {confirm.error && !isApiError(confirm.error, 'INVALID_CREDENTIALS') && !isApiError(confirm.error, 'VALIDATION_FAILED') ? (
            <ErrorAlert error={confirm.error} />
          ) : null}
          <TextInput
            label={t('signIn.totpCode')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            {...codeForm.getInputProps('code')}
          />
          <Group gap="sm">
            <Button type="submit" loading={confirm.isPending}>
              {t('account.twoFactorConfirm')}
            </Button>
            {onCancel ? (
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
