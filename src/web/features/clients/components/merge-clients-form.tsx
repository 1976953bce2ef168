import { Alert, Button, Group, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { formatPhone } from '../../../../shared/index.js';
import { IconArrowsJoin } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientResponse, MergeableField } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import { ConfirmDialog } from '../../../components/dialogs/confirm-dialog.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { SectionCard } from '../../../components/layout/section-card.js';
import { useMergeClients } from '../api/merge-clients.js';
import { differingFields, mergeFieldLabelKeys, mergeFieldOrder } from './merge-fields.js';

type MergeClientsFormProps = {
  /** The record that stays: the one the merge was started from. */
  survivor: ClientResponse;
  /** The record merged into it, archived afterwards with a pointer to the survivor. */
  duplicate: ClientResponse;
  branchNames: ReadonlyMap<string, string>;
  onMerged: (survivor: ClientResponse) => void;
};

type Side = 'survivor' | 'duplicate';

/**
 * Both records side by side, field by field. Where they differ the coordinator picks the value to
 * keep (this record's unless told otherwise), gives a reason, and confirms naming both numbers.
 */
export function MergeClientsForm({ survivor, duplicate, branchNames, onMerged }: MergeClientsFormProps) {
  const { t } = useTranslation();
  const { formatDate, formatCountry, formatLanguage, formatNumber } = useFormat();
  const merge = useMergeClients();
  const differing = differingFields(survivor, duplicate);
  const [choices, setChoices] = useState<Partial<Record<MergeableField, Side>>>({});
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  function display(client: ClientResponse, field: MergeableField): string {
    switch (field) {
      case 'sex':
        return t(`sex.${client.sex}`);
      case 'dateOfBirth':
        return formatDate(client.dateOfBirth);
      case 'citizenships':
        return client.citizenships.map(formatCountry).join(', ');
      case 'languages':
        return client.languages.map(formatLanguage).join(', ');
      case 'preferredLanguage':
        return client.preferredLanguage ? formatLanguage(client.preferredLanguage) : '';
      case 'phone':
        return client.phone ? formatPhone(client.phone) : '';
      case 'address': {
        const { street, municipality, postcode, district } = client.address;
        return [street, [postcode, municipality].filter(Boolean).join(' '), district].filter(Boolean).join(', ');
      }
      case 'branchId':
        return client.branchId ? (branchNames.get(client.branchId) ?? '') : '';
      default:
        return client[field] ?? '';
    }
  }

  const takeFromDuplicate = differing.filter((field) => choices[field] === 'duplicate');
  const numbers = { survivor: survivor.clientNumber, duplicate: duplicate.clientNumber };

  function requestMerge() {
    const trimmed = reason.trim();
    if (!trimmed) {
      setReasonError(t('merge.reasonRequired'));
      document.getElementById('merge-reason')?.focus();
      return;
    }
    setReasonError(null);
    merge.reset();
    setConfirming(true);
  }

  function cell(client: ClientResponse, side: Side, field: MergeableField, differs: boolean) {
    const value = display(client, field);
    if (!differs) {
      return (
        <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {value || '—'}
        </Text>
      );
    }
    const shown = value || t('merge.empty');
    return (
      <Radio
        name={`merge-${field}`}
        value={side}
        checked={(choices[field] ?? 'survivor') === side}
        onChange={() => setChoices((current) => ({ ...current, [field]: side }))}
        label={<span style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{shown}</span>}
        aria-label={t('merge.keepValue', { field: t(mergeFieldLabelKeys[field]), value: shown, number: client.clientNumber })}
      />
    );
  }

  return (
    <Stack gap="lg">
      <SectionCard title={t('merge.compareTitle')} id="merge-compare">
        <Stack gap="sm">
          <Text>
            {differing.length
              ? t('merge.compareText', { total: formatNumber(differing.length), survivor: numbers.survivor })
              : t('merge.compareSame')}
          </Text>
          <ScrollTable label={t('merge.tableLabel', numbers)} minWidth={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="24%">{t('merge.field')}</Table.Th>
                <Table.Th>{t('merge.thisRecord', { number: numbers.survivor })}</Table.Th>
                <Table.Th>{t('merge.otherRecord', { number: numbers.duplicate })}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mergeFieldOrder.map((field) => {
                const differs = differing.includes(field);
                return (
                  <Table.Tr key={field} bg={differs ? 'yellow.0' : undefined}>
                    <Table.Th scope="row" fw={differs ? 700 : 400}>
                      {t(mergeFieldLabelKeys[field])}
                      {differs ? (
                        <Text size="xs" c="dimmed" fw={400}>
                          {t('merge.differs')}
                        </Text>
                      ) : null}
                    </Table.Th>
                    <Table.Td>{cell(survivor, 'survivor', field, differs)}</Table.Td>
                    <Table.Td>{cell(duplicate, 'duplicate', field, differs)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </ScrollTable>
          <Text size="sm" c="dimmed">
            {t('merge.whatMoves', numbers)}
          </Text>
        </Stack>
      </SectionCard>

      {duplicate.archived ? (
        <Alert color="gray" variant="light">
          {t('merge.duplicateArchived', numbers)}
        </Alert>
      ) : null}

      <Textarea
        id="merge-reason"
        label={t('merge.reason')}
        description={t('merge.reasonHint')}
        required
        autosize
        minRows={2}
        maxLength={500}
        value={reason}
        error={reasonError}
        onChange={(event) => {
          setReason(event.currentTarget.value);
          if (reasonError && event.currentTarget.value.trim()) setReasonError(null);
        }}
      />

      <Group gap="sm">
        <Button leftSection={<IconArrowsJoin size={16} aria-hidden />} onClick={requestMerge}>
          {t('merge.submit')}
        </Button>
      </Group>

      <ConfirmDialog
        opened={confirming}
        title={t('merge.confirmTitle', numbers)}
        message={t('merge.confirmText', numbers)}
        confirmLabel={t('merge.confirm', numbers)}
        danger
        loading={merge.isPending}
        error={merge.error}
        errorMessage={isApiError(merge.error, 'CONFLICT') ? t('merge.conflict') : undefined}
        onConfirm={() =>
          merge.mutate(
            { survivorId: survivor.id, input: { duplicateId: duplicate.id, takeFromDuplicate, reason: reason.trim() } },
            { onSuccess: (saved) => onMerged(saved) },
          )
        }
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
