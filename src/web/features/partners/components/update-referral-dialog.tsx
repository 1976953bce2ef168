import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type ReferralResponse, type ReferralStatus, referralTransitions, updateReferralInput } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ResponsiveModal } from '../../../components/dialogs/responsive-modal.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { SelectField } from '../../../components/forms/select-field.js';
import { toNullableText } from '../../../components/forms/text-value.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { useUpdateReferral } from '../api/update-referral.js';

type StatusValues = { status: ReferralStatus; outcome: string };
const toPayload = (values: StatusValues) => ({ status: values.status, outcome: toNullableText(values.outcome) });

type UpdateReferralDialogProps = { referral: ReferralResponse; onClose: () => void; onUpdated: () => void };

/** Moves a referral on (only to the statuses its current one allows) and records what came of it. */
export function UpdateReferralDialog({ referral, onClose, onUpdated }: UpdateReferralDialogProps) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  const updateReferral = useUpdateReferral();
  const form = useForm<StatusValues>({
    initialValues: { status: referral.status, outcome: referral.outcome ?? '' },
    validate: createSchemaValidator(updateReferralInput, toPayload, t),
  });
  const statuses = [referral.status, ...referralTransitions[referral.status]];

  const submit = form.onSubmit((values) =>
    updateReferral.mutate(
      // Who may not read a referral's outcome changes only its status (decision 022).
      { id: referral.id, input: updateReferralInput.parse(referral.contentHidden ? { status: values.status } : toPayload(values)) },
      {
        onSuccess: onUpdated,
        onError: (error) => {
          if (isApiError(error)) applyApiErrors(form, error, t);
        },
      },
    ),
  );

  return (
    <ResponsiveModal opened onClose={onClose} title={t('referrals.updateTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('referrals.updateText', { partner: referral.partner.name, date: formatDate(referral.referredOn) })}</Text>
          {updateReferral.error && !isApiError(updateReferral.error, 'VALIDATION_FAILED') ? (
            <ErrorAlert error={updateReferral.error} />
          ) : null}
          <SelectField
            label={t('referrals.statusLabel')}
            description={statuses.length === 1 ? t('referrals.statusFinal') : undefined}
            required
            allowDeselect={false}
            data={statuses.map((status) => ({ value: status, label: t(`referrals.status.${status}`) }))}
            data-autofocus
            {...form.getInputProps('status')}
          />
          <Textarea
            display={referral.contentHidden ? 'none' : undefined}
            label={t('referrals.outcome')}
            description={t('referrals.outcomeHint')}
            autosize
            minRows={3}
            {...form.getInputProps('outcome')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={updateReferral.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ResponsiveModal>
  );
}
