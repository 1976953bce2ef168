import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isApiError } from '../../../components/api/api-error.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { PasswordField } from '../../../components/forms/password-field.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { useSignIn } from '../api/sign-in.js';
import { useVerifyBackupCode } from '../api/verify-backup-code.js';
import { useVerifyTotp } from '../api/verify-totp.js';

const credentialsSchema = z.object({ email: z.email(), password: z.string().min(1) });
const totpSchema = z.object({ code: z.string().regex(/^\d{6}$/) });
const backupSchema = z.object({ code: z.string().trim().min(1) });

type Step = 'password' | 'totp' | 'backup';

/** Sign-in with e-mail and password, then the authenticator code when the account uses two factors. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('password');
  const signIn = useSignIn();
  const verifyTotp = useVerifyTotp();
  const verifyBackupCode = useVerifyBackupCode();

  const credentials = useForm({
    initialValues: { email: '', password: '' },
    validate: createSchemaValidator(
      credentialsSchema,
      (values: { email: string; password: string }) => ({ ...values, email: values.email.trim() }),
      t,
    ),
  });
  const second = useForm({
    initialValues: { code: '' },
    validate: (values) =>
      createSchemaValidator(step === 'totp' ? totpSchema : backupSchema, (v: { code: string }) => ({ code: v.code.trim() }), t)(values),
  });

  const failure = step === 'password' ? signIn.error : step === 'totp' ? verifyTotp.error : verifyBackupCode.error;

  const submitCredentials = credentials.onSubmit((values) => {
    signIn.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: (result) => {
          if (result.twoFactorRedirect) {
            second.reset();
            setStep('totp');
          } else {
            onSignedIn();
          }
        },
      },
    );
  });

  const submitCode = second.onSubmit((values) => {
    const mutation = step === 'totp' ? verifyTotp : verifyBackupCode;
    mutation.mutate(values.code.trim(), { onSuccess: onSignedIn });
  });

  function describeFailure(): string | null {
    if (!failure) return null;
    if (isApiError(failure, 'INVALID_CREDENTIALS')) {
      return step === 'password' ? t('signIn.invalidCredentials') : t('signIn.invalidCode');
    }
    if (isApiError(failure, 'UNAUTHENTICATED') && step !== 'password') return t('signIn.codeExpired');
    return null;
  }
  const failureAlert = failure ? <ErrorAlert error={failure} title={t('signIn.failedTitle')} message={describeFailure()} /> : null;

  if (step === 'password') {
    return (
      <form onSubmit={submitCredentials} noValidate aria-label={t('signIn.title')}>
        <Stack gap="md">
          {failureAlert}
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus
            {...credentials.getInputProps('email')}
          />
          <PasswordField label={t('signIn.password')} autoComplete="current-password" required {...credentials.getInputProps('password')} />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <form onSubmit={submitCode} noValidate aria-label={t('signIn.secondFactorTitle')}>
      <Stack gap="md">
        <Text>{step === 'totp' ? t('signIn.totpIntro') : t('signIn.backupIntro')}</Text>
        {failureAlert}
        {step === 'totp' ? (
          <TextInput
            key="totp"
            label={t('signIn.totpCode')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            autoFocus
            {...second.getInputProps('code')}
          />
        ) : (
          <TextInput key="backup" label={t('signIn.backupCode')} autoComplete="off" required autoFocus {...second.getInputProps('code')} />
        )}
        <Button type="submit" loading={verifyTotp.isPending || verifyBackupCode.isPending} fullWidth>
          {t('signIn.verify')}
        </Button>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            second.reset();
            verifyTotp.reset();
            verifyBackupCode.reset();
            setStep(step === 'totp' ? 'backup' : 'totp');
          }}
        >
          {step === 'totp' ? t('signIn.useBackupCode') : t('signIn.useTotp')}
        </Anchor>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            signIn.reset();
            setStep('password');
          }}
        >
          {t('signIn.startOver')}
        </Anchor>
      </Stack>
    </form>
  );
}
