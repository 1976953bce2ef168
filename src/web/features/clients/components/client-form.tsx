import { Alert, Button, Group, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ClientResponse,
  createClientInput,
  type DuplicateCandidate,
  deriveDistrict,
  type RegionCode,
  regionCodes,
  regions,
  residenceCategories,
  sexes,
  type StaleVersionDetails,
  staleVersionDetails,
  updateClientInput,
} from '../../../../shared/index.js';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../components/api/api-error.js';
import { type StaleFieldRow, StaleVersionDialog } from '../../../components/dialogs/stale-version-dialog.js';
import { changedFields, rebaseValues } from '../../../components/forms/rebase-values.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { useUnsavedChangesGuard } from '../../../components/forms/use-unsaved-changes-guard.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { SectionCard } from '../../../components/layout/section-card.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { DateField } from '../../../components/forms/date-field.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { MultiSelectField, SelectField } from '../../../components/forms/select-field.js';
import type { Option } from '../../../components/intl/use-code-options.js';
import { languageOptionsFilter } from '../../../components/intl/language-options.js';
import { useCountryOptions, useLanguageOptions } from '../../../components/intl/use-code-options.js';
import { duplicateDetails, useCreateClient } from '../api/create-client.js';
import { getClient } from '../api/get-client.js';
import { useUpdateClient } from '../api/update-client.js';
import { storeClient } from '../api/use-client-mutation.js';
import { clientFieldLabel, describeClientValue } from './client-changes.js';
import { type ClientFormValues, toClientFormValues, toClientPayload } from './client-form-values.js';
import { toDuplicateCheckInput } from './duplicate-check-input.js';
import { DuplicateWarning } from './duplicate-warning.js';
import { PossibleDuplicatesPanel } from './possible-duplicates-panel.js';

type ClientFormProps = {
  /** The record to change; without it the form registers a new client. */
  client?: ClientResponse;
  branches: Option[];
  /** The centre's region: its districts come first in the district list. */
  regionCode: string;
  defaultBranchId?: string | null;
  /** Editing, the user may merge a possible duplicate into this record (coordinators). */
  canMerge?: boolean;
  onSaved: (client: ClientResponse) => void;
  onCancel: () => void;
};

/** Registers a client or changes one: every field of the record, checked as the API checks it. */
export function ClientForm({ client, branches, regionCode, defaultBranchId, canMerge, onSaved, onCancel }: ClientFormProps) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const languages = useLanguageOptions();
  const createClient = useCreateClient();
  const updateClient = useUpdateClient();
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null);
  const format = useFormat();
  const queryClient = useQueryClient();
  // The version the form edits from: the record as opened, then as saved by someone else after a 412.
  const [base, setBase] = useState(client);
  const [stale, setStale] = useState<{ details: StaleVersionDetails; rows: StaleFieldRow[] } | null>(null);
  const editing = client !== undefined;
  const mutation = editing ? updateClient : createClient;

  const form = useForm<ClientFormValues>({
    initialValues: toClientFormValues(client, { branchId: defaultBranchId ?? null }),
    validate: createSchemaValidator(editing ? updateClientInput : createClientInput, toClientPayload, t),
  });

  const { leaving, dialog: leaveDialog } = useUnsavedChangesGuard(() => form.isDirty());

  const districtGroups = useMemo(() => {
    const ordered = [regionCode, ...regionCodes.filter((code) => code !== regionCode)].filter((code): code is RegionCode =>
      (regionCodes as readonly string[]).includes(code),
    );
    return ordered.map((code) => ({ group: t(`region.${code}`), items: [...regions[code]] }));
  }, [regionCode, t]);

  // The district the postcode or municipality points to, offered while another (or none) is chosen.
  const derivedDistrict = deriveDistrict(form.values.address, regionCode);
  const suggestedDistrict = derivedDistrict && derivedDistrict !== form.values.address.district ? derivedDistrict : null;

  const sexOptions = sexes.map((sex) => ({ value: sex, label: t(`sex.${sex}`) }));
  const residenceOptions = residenceCategories.map((code) => ({ value: code, label: t(`residenceCategory.${code}`) }));
  const preferredOptions = form.values.languages.length
    ? languages.filter((option) => form.values.languages.includes(option.value))
    : languages;

  /**
   * Someone else saved the record meanwhile (412): load the version saved now, show what they changed
   * beside the user's values, and keep the user's edits in the form over that version, to save again.
   */
  async function reapplyOverSavedVersion(id: string, details: StaleVersionDetails) {
    const current = await getClient(id);
    const loaded = toClientFormValues(base);
    const saved = toClientFormValues(current);
    const mine = form.values;
    const rows = changedFields(loaded, saved).map((field) => ({
      field,
      label: clientFieldLabel(t, field),
      saved: describeClientValue(field, saved, t, format, branches),
      mine: describeClientValue(field, mine, t, format, branches),
    }));
    form.setInitialValues(saved);
    form.setValues(rebaseValues(loaded, saved, mine));
    setBase(current);
    await storeClient(queryClient, current);
    setStale({ details, rows });
  }

  function save(values: ClientFormValues, confirmDuplicate: boolean) {
    const payload = toClientPayload(values);
    // A new client's district left empty is derived by the server from the postcode or municipality.
    if (!editing && payload.address.district === null) delete (payload.address as { district?: string | null }).district;
    const handlers = {
      onSuccess: (saved: ClientResponse) => {
        setDuplicates(null);
        leaving.current = true;
        onSaved(saved);
      },
      onError: (error: Error) => {
        if (isApiError(error, 'DUPLICATE_SUSPECTED')) {
          const parsed = duplicateDetails.safeParse(error.details);
          setDuplicates(parsed.success ? parsed.data.candidates : []);
          return;
        }
        if (isApiError(error, 'STALE_VERSION') && client) {
          const parsed = staleVersionDetails.safeParse(error.details);
          const details = parsed.success ? parsed.data : { currentVersion: 0, givenVersion: 0, changes: [] };
          reapplyOverSavedVersion(client.id, details).catch(() => setStale({ details, rows: [] }));
          return;
        }
        if (isApiError(error)) applyApiErrors(form, error, t);
      },
    };
    if (editing) {
      updateClient.mutate({ id: client.id, input: updateClientInput.parse(payload), version: (base ?? client).version }, handlers);
    } else {
      createClient.mutate(createClientInput.parse({ ...payload, ...(confirmDuplicate ? { confirmDuplicate: true } : {}) }), handlers);
    }
  }

  const generalError =
    mutation.error && !isApiError(mutation.error, 'DUPLICATE_SUSPECTED') && !isApiError(mutation.error, 'STALE_VERSION') ? (
      <ErrorAlert error={mutation.error} message={isApiError(mutation.error, 'CONFLICT') ? t('clients.archivedCannotChange') : undefined} />
    ) : null;

  return (
    <form
      noValidate
      aria-label={editing ? t('clients.editTitle') : t('clients.newTitle')}
      onSubmit={form.onSubmit(
        (values) => save(values, false),
        () => {
          // Move to the first field that needs attention.
          requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
        },
      )}
      onChange={() => {
        if (duplicates) setDuplicates(null);
      }}
    >
      <Stack gap="lg">
        {generalError}

        <SectionCard title={t('clients.sectionName')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('clients.familyName')}
              description={t('clients.latinHint')}
              required
              autoComplete="off"
              {...form.getInputProps('familyName')}
            />
            <TextInput
              label={t('clients.givenName')}
              description={t('clients.latinHint')}
              required
              autoComplete="off"
              {...form.getInputProps('givenName')}
            />
            <TextInput
              label={t('clients.familyNameNative')}
              description={t('clients.nativeHint')}
              autoComplete="off"
              {...form.getInputProps('familyNameNative')}
            />
            <TextInput
              label={t('clients.givenNameNative')}
              description={t('clients.nativeHint')}
              autoComplete="off"
              {...form.getInputProps('givenNameNative')}
            />
          </SimpleGrid>
        </SectionCard>

        <SectionCard title={t('clients.sectionPersonal')}>
          <Stack gap="md">
            <Radio.Group label={t('clients.sex')} required {...form.getInputProps('sex')}>
              <Group gap="lg" mt={6}>
                {sexOptions.map((option) => (
                  <Radio key={option.value} value={option.value} label={option.label} />
                ))}
              </Group>
            </Radio.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <DateField label={t('clients.dateOfBirth')} defaultLevel="decade" {...form.getInputProps('dateOfBirth')} />
              <MultiSelectField
                label={t('clients.citizenships')}
                description={t('clients.citizenshipsHint')}
                data={countries}
                searchable
                clearable
                maxValues={5}
                {...form.getInputProps('citizenships')}
              />
              <MultiSelectField
                label={t('clients.languages')}
                data={languages}
                filter={languageOptionsFilter}
                searchable
                clearable
                maxValues={10}
                {...form.getInputProps('languages')}
              />
              <SelectField
                label={t('clients.preferredLanguage')}
                data={preferredOptions}
                filter={languageOptionsFilter}
                searchable
                clearable
                {...form.getInputProps('preferredLanguage')}
              />
            </SimpleGrid>
          </Stack>
        </SectionCard>

        {duplicates ? null : (
          <PossibleDuplicatesPanel
            input={toDuplicateCheckInput(form.values, client?.id)}
            editing={editing}
            mergeIntoId={editing && canMerge ? client.id : undefined}
            onOpen={() => {
              // "Open the existing record instead": what was typed here is given up on purpose.
              leaving.current = true;
            }}
          />
        )}

        <SectionCard title={t('clients.sectionContact')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('clients.phone')} type="tel" autoComplete="off" {...form.getInputProps('phone')} />
            <TextInput label={t('clients.email')} type="email" autoComplete="off" {...form.getInputProps('email')} />
            <TextInput label={t('clients.street')} autoComplete="off" {...form.getInputProps('address.street')} />
            <TextInput label={t('clients.municipality')} autoComplete="off" {...form.getInputProps('address.municipality')} />
            <TextInput
              label={t('clients.postcode')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={6}
              {...form.getInputProps('address.postcode')}
            />
            <Stack gap={4}>
              <SelectField
                label={t('clients.district')}
                data={districtGroups}
                searchable
                clearable
                {...form.getInputProps('address.district')}
              />
              {suggestedDistrict ? (
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" c="dimmed" aria-live="polite">
                    {t('clients.districtSuggested', { district: suggestedDistrict })}
                  </Text>
                  <Button size="compact-sm" variant="light" onClick={() => form.setFieldValue('address.district', suggestedDistrict)}>
                    {t('clients.useDistrict', { district: suggestedDistrict })}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </SimpleGrid>
        </SectionCard>

        <SectionCard title={t('clients.sectionResidence')}>
          <Stack gap="md">
            {editing ? (
              <Alert variant="light" color="blue">
                {t('clients.residenceHistoryHint')}
              </Alert>
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <SelectField
                label={t('clients.residenceCategory')}
                data={residenceOptions}
                searchable
                clearable={!editing || !client?.residence}
                {...form.getInputProps('residence.category')}
              />
              <TextInput
                label={t('clients.permitType')}
                description={t('clients.permitTypeHint')}
                disabled={!form.values.residence.category}
                {...form.getInputProps('residence.permitType')}
              />
              <DateField
                label={t('clients.validFrom')}
                disabled={!form.values.residence.category}
                {...form.getInputProps('residence.validFrom')}
              />
              <DateField
                label={t('clients.validUntilLabel')}
                disabled={!form.values.residence.category}
                {...form.getInputProps('residence.validUntil')}
              />
            </SimpleGrid>
          </Stack>
        </SectionCard>

        <SectionCard title={t('clients.sectionOther')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <SelectField label={t('clients.branch')} data={branches} clearable {...form.getInputProps('branchId')} />
          </SimpleGrid>
          <Textarea
            mt="md"
            label={t('clients.note')}
            description={t('clients.noteHint')}
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('note')}
          />
        </SectionCard>

        {duplicates ? (
          <DuplicateWarning
            candidates={duplicates}
            saving={createClient.isPending}
            onSaveAnyway={() => save(form.getValues(), true)}
            onDismiss={() => setDuplicates(null)}
          />
        ) : (
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        )}
      </Stack>
      {leaveDialog}
      <StaleVersionDialog details={stale?.details ?? null} rows={stale?.rows ?? []} onClose={() => setStale(null)} />
    </form>
  );
}
