import { Button, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type RegionCode, regionCodes, setupInput } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { PasswordField } from '../../../components/forms/password-field.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { isUiLanguage } from '../../../i18n/i18n.js';
import { useCompleteSetup } from '../api/complete-setup.js';

type SetupValues = {
  centreName: string;
  regionCode: string | null;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
  passwordAgain: string;
};

function toSetupPayload(values: SetupValues) {
  return {
    centreName: values.centreName.trim(),
    regionCode: values.regionCode ?? '',
    adminName: values.adminName.trim(),
    adminEmail: values.adminEmail.trim(),
    adminPassword: values.adminPassword,
  };
}

/** First run: the centre and its first administrator. */
export function SetupForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { compareText } = useFormat();
  const completeSetup = useCompleteSetup();
  const regionOptions = useMemo(
    () =>
      regionCodes.map((code) => ({ value: code, label: t(`region.${code as RegionCode}`) })).sort((a, b) => compareText(a.label, b.label)),
    [t, compareText],
  );

  const schemaValidator = createSchemaValidator(setupInput, toSetupPayload, t);
  const form = useForm<SetupValues>({
    initialValues: { centreName: '', regionCode: null, adminName: '', adminEmail: '', adminPassword: '', passwordAgain: '' },
    validate: (values) => {
      const errors = schemaValidator(values);
      if (values.passwordAgain !== values.adminPassword) errors.passwordAgain = t('validation.passwordsDiffer');
      return errors;
    },
  });

  const submit = form.onSubmit((values) => {
    // The administrator's account starts in the language the setup page was filled in.
    const locale = isUiLanguage(i18n.language) ? i18n.language : 'cs';
    completeSetup.mutate(setupInput.parse({ ...toSetupPayload(values), locale }), {
      onSuccess: onDone,
      onError: (error) => {
        if (isApiError(error)) applyApiErrors(form, error, t);
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('setup.title')}>
      <Stack gap="md">
        {completeSetup.error ? <ErrorAlert error={completeSetup.error} /> : null}
        <Title order={2} size="h4">
          {t('setup.centreSection')}
        </Title>
        <TextInput label={t('setup.centreName')} required autoComplete="organization" {...form.getInputProps('centreName')} />
        <Select
          label={t('setup.region')}
          description={t('setup.regionHint')}
          required
          searchable
          data={regionOptions}
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('regionCode')}
        />
        <Title order={2} size="h4" mt="sm">
          {t('setup.adminSection')}
        </Title>
        <TextInput label={t('setup.adminName')} required autoComplete="name" {...form.getInputProps('adminName')} />
        <TextInput label={t('setup.adminEmail')} type="email" required autoComplete="email" {...form.getInputProps('adminEmail')} />
        <PasswordField
          label={t('setup.adminPassword')}
          description={t('account.passwordRule')}
          required
          autoComplete="new-password"
          {...form.getInputProps('adminPassword')}
        />
        <PasswordField label={t('setup.passwordAgain')} required autoComplete="new-password" {...form.getInputProps('passwordAgain')} />
        <Button type="submit" loading={completeSetup.isPending}>
          {t('setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
