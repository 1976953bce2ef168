import { Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { createPartnerInput, formatPhone, partnerKinds, type PartnerResponse } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { MultiSelectField, SelectField } from '../../../components/forms/select-field.js';
import { toNullableText } from '../../../components/forms/text-value.js';
import { useLanguageOptions } from '../../../components/intl/use-code-options.js';
import { languageOptionsFilter } from '../../../components/intl/language-options.js';
import { useCreatePartner } from '../api/create-partner.js';
import { useUpdatePartner } from '../api/update-partner.js';

type PartnerValues = {
  name: string;
  kind: string | null;
  services: string;
  contactPerson: string;
  phone: string;
  email: string;
  website: string;
  address: string;
  municipality: string;
  languages: string[];
  note: string;
};

const toPayload = (values: PartnerValues) => ({
  name: values.name.trim(),
  kind: values.kind ?? '',
  services: toNullableText(values.services),
  contactPerson: toNullableText(values.contactPerson),
  phone: toNullableText(values.phone),
  email: toNullableText(values.email),
  website: toNullableText(values.website),
  address: toNullableText(values.address),
  municipality: toNullableText(values.municipality),
  languages: values.languages,
  note: toNullableText(values.note),
});

const valuesOf = (partner: PartnerResponse | null): PartnerValues => ({
  name: partner?.name ?? '',
  kind: partner?.kind ?? null,
  services: partner?.services ?? '',
  contactPerson: partner?.contactPerson ?? '',
  phone: partner?.phone ? formatPhone(partner.phone) : '',
  email: partner?.email ?? '',
  website: partner?.website ?? '',
  address: partner?.address ?? '',
  municipality: partner?.municipality ?? '',
  languages: partner?.languages ?? [],
  note: partner?.note ?? '',
});

type PartnerFormProps = { partner: PartnerResponse | null; onSaved: () => void; onCancel: () => void };

/** Adds a partner to the directory or changes one. */
export function PartnerForm({ partner, onSaved, onCancel }: PartnerFormProps) {
  const { t } = useTranslation();
  const languages = useLanguageOptions();
  const createPartner = useCreatePartner();
  const updatePartner = useUpdatePartner();
  const mutation = partner ? updatePartner : createPartner;
  const form = useForm<PartnerValues>({
    initialValues: valuesOf(partner),
    validate: createSchemaValidator(createPartnerInput, toPayload, t),
  });

  const submit = form.onSubmit((values) => {
    const input = createPartnerInput.parse(toPayload(values));
    const handlers = {
      onSuccess: onSaved,
      onError: (error: Error) => {
        if (isApiError(error)) applyApiErrors(form, error, t);
      },
    };
    if (partner) updatePartner.mutate({ id: partner.id, input, version: partner.version }, handlers);
    else createPartner.mutate(input, handlers);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {mutation.error && !isApiError(mutation.error, 'VALIDATION_FAILED') ? <ErrorAlert error={mutation.error} /> : null}
        <TextInput label={t('partners.name')} required data-autofocus {...form.getInputProps('name')} />
        <SelectField
          label={t('partners.kindLabel')}
          required
          data={partnerKinds.map((kind) => ({ value: kind, label: t(`partners.kind.${kind}`) }))}
          {...form.getInputProps('kind')}
        />
        <Textarea
          label={t('partners.services')}
          description={t('partners.servicesHint')}
          autosize
          minRows={2}
          {...form.getInputProps('services')}
        />
        <MultiSelectField
          label={t('partners.languages')}
          description={t('partners.languagesHint')}
          data={languages}
          filter={languageOptionsFilter}
          searchable
          {...form.getInputProps('languages')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <TextInput label={t('partners.contactPerson')} {...form.getInputProps('contactPerson')} />
          <TextInput label={t('partners.phone')} type="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('partners.email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('partners.website')} type="url" placeholder="https://" {...form.getInputProps('website')} />
          <TextInput label={t('partners.address')} {...form.getInputProps('address')} />
          <TextInput label={t('partners.municipality')} {...form.getInputProps('municipality')} />
        </SimpleGrid>
        <Textarea label={t('partners.note')} autosize minRows={2} {...form.getInputProps('note')} />
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
