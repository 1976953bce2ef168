import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContentHiddenNotice } from '../../../components/feedback/content-hidden-notice.js';
import { type ClientResponse, coversReferral, type ReferralResponse, type ReferralStatus, toCentreDate } from '../../../../shared/index.js';
import { PaginationBar } from '../../../components/data/pagination-bar.js';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import { EmptyState } from '../../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { LoadingState } from '../../../components/feedback/loading-state.js';
import { showSuccess } from '../../../components/feedback/show-notification.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { SectionCard } from '../../../components/layout/section-card.js';
import { useClientReferrals } from '../api/find-client-referrals.js';
import { ConsentMissingAlert } from './consent-missing-alert.js';
import { CreateReferralDialog } from './create-referral-dialog.js';
import { UpdateReferralDialog } from './update-referral-dialog.js';

const referralStatusColors: Record<ReferralStatus, string> = {
  sent: 'yellow',
  accepted: 'blue',
  completed: 'green',
  declined: 'orange',
  cancelled: 'gray',
};

type ReferralsSectionProps = { client: ClientResponse; canWrite: boolean };

const limit = 25;

/** A client's referrals to partners, with their status and outcome, and a new referral. */
export function ReferralsSection({ client, canWrite }: ReferralsSectionProps) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  const [offset, setOffset] = useState(0);
  const referrals = useClientReferrals(client.id, { limit, offset });
  const [creating, setCreating] = useState(false);
  const [updating, setUpdating] = useState<ReferralResponse | null>(null);
  const editable = canWrite && !client.archived;
  const today = toCentreDate(new Date());
  const consentInForce = client.consents.some((consent) => coversReferral(consent, today, today));

  return (
    <SectionCard
      title={t('referrals.title')}
      id="referrals"
      actions={
        editable ? (
          <Button size="xs" variant="light" leftSection={<IconSend size={14} aria-hidden />} onClick={() => setCreating(true)}>
            {t('referrals.refer')}
          </Button>
        ) : null
      }
    >
      <Stack gap="md">
        {editable && !consentInForce ? <ConsentMissingAlert clientId={client.id} /> : null}
        {referrals.isPending ? (
          <LoadingState />
        ) : referrals.isError ? (
          <ErrorAlert error={referrals.error} />
        ) : referrals.data.total === 0 ? (
          <EmptyState>{t('referrals.empty')}</EmptyState>
        ) : (
          <div>
            <ScrollTable label={t('referrals.tableLabel')} minWidth={860}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('referrals.partner')}</Table.Th>
                  <Table.Th>{t('referrals.referredOn')}</Table.Th>
                  <Table.Th>{t('referrals.reason')}</Table.Th>
                  <Table.Th>{t('referrals.statusLabel')}</Table.Th>
                  <Table.Th>{t('referrals.outcome')}</Table.Th>
                  <Table.Th>{t('referrals.createdBy')}</Table.Th>
                  {editable ? <Table.Th>{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {referrals.data.items.map((referral) => (
                  <Table.Tr key={referral.id}>
                    <Table.Td>
                      <Text fw={600}>{referral.partner.name}</Text>
                      <Text size="sm" c="dimmed">
                        {t(`partners.kind.${referral.partner.kind}`)}
                        {referral.partner.archived ? ` · ${t('partners.archivedBadge')}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(referral.referredOn)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {referral.contentHidden ? <ContentHiddenNotice inline /> : referral.reason}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={referralStatusColors[referral.status]} maw="none">
                        {t(`referrals.status.${referral.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {referral.contentHidden ? '—' : (referral.outcome ?? '—')}
                    </Table.Td>
                    <Table.Td>{referral.createdBy?.name ?? '—'}</Table.Td>
                    {editable ? (
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="default"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          onClick={() => setUpdating(referral)}
                          aria-label={t('referrals.updateNamed', { partner: referral.partner.name, date: formatDate(referral.referredOn) })}
                        >
                          {t('referrals.update')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
            <PaginationBar total={referrals.data.total} limit={limit} offset={offset} onOffsetChange={setOffset} />
          </div>
        )}
      </Stack>
      {creating ? (
        <CreateReferralDialog
          client={client}
          onClose={() => setCreating(false)}
          onCreated={() => {
            showSuccess(t('referrals.created'));
            setOffset(0);
            setCreating(false);
          }}
        />
      ) : null}
      {updating ? (
        <UpdateReferralDialog
          referral={updating}
          onClose={() => setUpdating(null)}
          onUpdated={() => {
            showSuccess(t('referrals.updated'));
            setUpdating(null);
          }}
        />
      ) : null}
    </SectionCard>
  );
}
