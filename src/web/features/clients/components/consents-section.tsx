import { Badge, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClientResponse, consentInput, consentPurposes, toCentreDate, withdrawConsentInput } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { showSuccess } from '../../../components/feedback/show-notification.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { DateField } from '../../../components/forms/date-field.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { SelectField } from '../../../components/forms/select-field.js';
import { toNullableText } from '../../../components/forms/text-value.js';
import { SectionCard } from '../../../components/layout/section-card.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { useAddConsent } from '../api/add-consent.js';
import { useWithdrawConsent } from '../api/withdraw-consent.js';

type ConsentsSectionProps = { client: ClientResponse; canWrite: boolean };

/** Consents per purpose: when given, when withdrawn, by whom recorded. */
export function ConsentsSection({ client, canWrite }: ConsentsSectionProps) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ClientResponse['consents'][number] | null>(null);
  // New consents need an active record; a consent can be withdrawn whatever the record's state.
  const editable = canWrite && !client.archived;

  return (
    <SectionCard
      title={t('consents.title')}
      id="consents"
      actions={
        editable ? (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            {t('consents.add')}
          </Button>
        ) : null
      }
    >
      {client.consents.length === 0 ? (
        <Text c="dimmed">{t('consents.none')}</Text>
      ) : (
        <ScrollTable label={t('consents.title')} minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consents.purpose')}</Table.Th>
              <Table.Th>{t('consents.givenOn')}</Table.Th>
              <Table.Th>{t('consents.state')}</Table.Th>
              <Table.Th>{t('consents.note')}</Table.Th>
              <Table.Th>{t('consents.recordedBy')}</Table.Th>
              {canWrite ? <Table.Th>{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {client.consents.map((consent) => (
              <Table.Tr key={consent.id}>
                <Table.Td>{t(`consentPurpose.${consent.purpose}`)}</Table.Td>
                <Table.Td>{formatDate(consent.givenOn)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {consent.withdrawnOn ? (
                    <Badge variant="light" color="gray" maw="none">
                      {t('consents.withdrawnOn', { date: formatDate(consent.withdrawnOn) })}
                    </Badge>
                  ) : (
                    <Badge variant="light" color="green" maw="none">
                      {t('consents.valid')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{consent.note ?? '—'}</Table.Td>
                <Table.Td>{consent.recordedBy.name}</Table.Td>
                {canWrite ? (
                  <Table.Td>
                    {consent.withdrawnOn ? null : (
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setWithdrawing(consent)}
                        aria-label={t('consents.withdrawNamed', { purpose: t(`consentPurpose.${consent.purpose}`) })}
                      >
                        {t('consents.withdraw')}
                      </Button>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {adding ? <AddConsentDialog client={client} onClose={() => setAdding(false)} /> : null}
      {withdrawing ? <WithdrawConsentDialog clientId={client.id} consent={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
    </SectionCard>
  );
}

type ConsentValues = { purpose: string | null; givenOn: string | null; note: string };
const toConsentPayload = (values: ConsentValues) => ({
  purpose: values.purpose ?? '',
  givenOn: values.givenOn ?? '',
  note: toNullableText(values.note),
});

function AddConsentDialog({ client, onClose }: { client: ClientResponse; onClose: () => void }) {
  const { t } = useTranslation();
  const addConsent = useAddConsent();
  const active = new Set(client.consents.filter((c) => !c.withdrawnOn).map((c) => c.purpose));
  const form = useForm<ConsentValues>({
    initialValues: { purpose: null, givenOn: toCentreDate(new Date()), note: '' },
    validate: createSchemaValidator(consentInput, toConsentPayload, t),
  });

  return (
    <Modal opened onClose={onClose} title={t('consents.add')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          addConsent.mutate(
            { clientId: client.id, input: consentInput.parse(toConsentPayload(values)) },
            {
              onSuccess: () => {
                showSuccess(t('consents.added'));
                onClose();
              },
              onError: (error) => {
                if (isApiError(error)) applyApiErrors(form, error, t);
              },
            },
          ),
        )}
      >
        <Stack gap="md">
          {addConsent.error && !isApiError(addConsent.error, 'VALIDATION_FAILED') ? <ErrorAlert error={addConsent.error} /> : null}
          <SelectField
            label={t('consents.purpose')}
            required
            data={consentPurposes.map((purpose) => ({
              value: purpose,
              label: t(`consentPurpose.${purpose}`),
              disabled: active.has(purpose),
            }))}
            data-autofocus
            {...form.getInputProps('purpose')}
          />
          <DateField label={t('consents.givenOn')} required {...form.getInputProps('givenOn')} />
          <Textarea label={t('consents.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={addConsent.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function WithdrawConsentDialog({
  clientId,
  consent,
  onClose,
}: {
  clientId: string;
  consent: ClientResponse['consents'][number];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  const withdrawConsent = useWithdrawConsent();
  const form = useForm<{ withdrawnOn: string | null }>({
    initialValues: { withdrawnOn: toCentreDate(new Date()) },
    validate: createSchemaValidator(
      withdrawConsentInput,
      (values: { withdrawnOn: string | null }) => ({ withdrawnOn: values.withdrawnOn ?? '' }),
      t,
    ),
  });

  return (
    <Modal opened onClose={onClose} title={t('consents.withdrawTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          withdrawConsent.mutate(
            { clientId, consentId: consent.id, withdrawnOn: values.withdrawnOn ?? '' },
            {
              onSuccess: () => {
                showSuccess(t('consents.withdrawn'));
                onClose();
              },
              onError: (error) => {
                if (isApiError(error)) applyApiErrors(form, error, t);
              },
            },
          ),
        )}
      >
        <Stack gap="md">
          <Text>{t('consents.withdrawText', { purpose: t(`consentPurpose.${consent.purpose}`), date: formatDate(consent.givenOn) })}</Text>
          {withdrawConsent.error && !isApiError(withdrawConsent.error, 'VALIDATION_FAILED') ? (
            <ErrorAlert error={withdrawConsent.error} />
          ) : null}
          <DateField label={t('consents.withdrawnOnLabel')} required data-autofocus {...form.getInputProps('withdrawnOn')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={withdrawConsent.isPending}>
              {t('consents.withdraw')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
