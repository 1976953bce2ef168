import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type ClientResponse, coversReferral, createReferralInput, toCentreDate } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ResponsiveModal } from '../../../components/dialogs/responsive-modal.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { DateField } from '../../../components/forms/date-field.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { useCreateReferral } from '../api/create-referral.js';
import { ConsentMissingAlert } from './consent-missing-alert.js';
import { PartnerPicker } from './partner-picker.js';

type ReferralValues = { partnerId: string | null; referredOn: string | null; reason: string };
const toPayload = (values: ReferralValues) => ({
  partnerId: values.partnerId ?? '',
  referredOn: values.referredOn ?? '',
  reason: values.reason.trim(),
});

type CreateReferralDialogProps = { client: ClientResponse; onClose: () => void; onCreated: () => void };

/**
 * Refers the client to a partner from the directory. Without the client's consent to sharing data
 * with partners the dialog says so up front, and again if the API refuses for that reason.
 */
export function CreateReferralDialog({ client, onClose, onCreated }: CreateReferralDialogProps) {
  const { t } = useTranslation();
  const createReferral = useCreateReferral();
  const today = toCentreDate(new Date());
  const form = useForm<ReferralValues>({
    initialValues: { partnerId: null, referredOn: today, reason: '' },
    validate: createSchemaValidator(createReferralInput, toPayload, t),
  });
  const referredOn = form.getValues().referredOn ?? today;
  const consentMissing =
    !client.consents.some((consent) => coversReferral(consent, referredOn, today)) || isApiError(createReferral.error, 'CONSENT_REQUIRED');

  const submit = form.onSubmit((values) =>
    createReferral.mutate(
      { clientId: client.id, input: createReferralInput.parse(toPayload(values)) },
      {
        onSuccess: onCreated,
        onError: (error) => {
          if (isApiError(error)) applyApiErrors(form, error, t);
        },
      },
    ),
  );

  return (
    <ResponsiveModal opened onClose={onClose} title={t('referrals.newTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {consentMissing ? <ConsentMissingAlert clientId={client.id} /> : null}
          {createReferral.error &&
          !isApiError(createReferral.error, 'VALIDATION_FAILED') &&
          !isApiError(createReferral.error, 'CONSENT_REQUIRED') ? (
            <ErrorAlert error={createReferral.error} />
          ) : null}
          <PartnerPicker
            label={t('referrals.partner')}
            description={t('referrals.partnerHint')}
            required
            {...form.getInputProps('partnerId')}
          />
          <DateField label={t('referrals.referredOn')} required maxDate={today} {...form.getInputProps('referredOn')} />
          <Textarea
            label={t('referrals.reason')}
            description={t('referrals.reasonHint')}
            required
            autosize
            minRows={3}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createReferral.isPending}>
              {t('referrals.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ResponsiveModal>
  );
}
