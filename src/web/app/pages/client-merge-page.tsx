import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowsExchange, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../components/api/api-error.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { showSuccess } from '../../components/feedback/show-notification.js';
import { useFormat } from '../../components/intl/use-format.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { SectionCard } from '../../components/layout/section-card.js';
import { ClientName, ClientSearchBox, formatClientName, MergeClientsForm, useClient } from '../../features/clients/index.js';
import { NotFoundPage } from './not-found-page.js';
import { useBranchOptions } from './use-reference-options.js';

/**
 * A coordinator merges a duplicate record into this one: finds the other record, compares both field
 * by field, chooses what to keep and confirms. The other record's id is kept in the address (an id,
 * no personal data), so the page survives a reload.
 */
export function ClientMergePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { formatDate } = useFormat();
  const { clientId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const duplicateId = params.get('duplicate');
  const survivor = useClient(clientId);
  const duplicate = useClient(duplicateId ?? '', { enabled: Boolean(duplicateId) && duplicateId !== clientId });
  const branches = useBranchOptions();

  if (survivor.isPending) return <LoadingState />;
  if (isApiError(survivor.error, 'NOT_FOUND') || isApiError(survivor.error, 'VALIDATION_FAILED')) return <NotFoundPage />;
  if (survivor.isError) return <ErrorAlert error={survivor.error} />;
  const record = survivor.data;
  const title = t('merge.title', { number: record.clientNumber });
  const chooseDuplicate = (id: string | null) => setParams(id ? { duplicate: id } : {}, { replace: true });
  const other = duplicateId && duplicateId !== record.id ? duplicate.data : undefined;

  return (
    <>
      <PageHeader
        back={{ to: `/clients/${record.id}`, label: t('clients.backToRecord') }}
        title={title}
        documentTitle={title}
        description={
          <>
            <ClientName client={record} /> · {record.clientNumber}
          </>
        }
      />
      {record.mergedInto || record.archived ? (
        <Alert color="gray" variant="light">
          {record.mergedInto ? t('merge.survivorMerged', { number: record.mergedInto.clientNumber }) : t('merge.survivorArchived')}
        </Alert>
      ) : (
        <Stack gap="lg">
          <SectionCard title={t('merge.findTitle')} id="merge-find">
            {other ? (
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Text>
                  <Text span fw={700}>
                    {other.clientNumber} · {formatClientName(other)}
                  </Text>
                  {' · '}
                  {other.dateOfBirth ? t('clients.bornOn', { date: formatDate(other.dateOfBirth) }) : t('clients.birthUnknown')}
                </Text>
                <Group gap="xs">
                  <Button
                    variant="default"
                    size="sm"
                    leftSection={<IconArrowsExchange size={16} aria-hidden />}
                    onClick={() => navigate(`/clients/${other.id}/merge?duplicate=${record.id}`, { replace: true })}
                    disabled={other.archived || Boolean(other.mergedInto)}
                  >
                    {t('merge.swap', { number: other.clientNumber })}
                  </Button>
                  <Button variant="subtle" size="sm" leftSection={<IconX size={16} aria-hidden />} onClick={() => chooseDuplicate(null)}>
                    {t('merge.chooseAnother')}
                  </Button>
                </Group>
              </Group>
            ) : (
              <ClientSearchBox
                label={t('merge.findLabel')}
                description={t('merge.findHint')}
                placeholder={t('clients.searchPlaceholder')}
                excludeIds={[record.id]}
                onPick={(client) => chooseDuplicate(client.id)}
              />
            )}
          </SectionCard>

          {duplicateId && duplicate.isPending && duplicateId !== record.id ? <LoadingState /> : null}
          {duplicate.isError ? <ErrorAlert error={duplicate.error} /> : null}
          {other?.mergedInto ? (
            <Alert color="gray" variant="light">
              {t('merge.alreadyMerged', { number: other.clientNumber, into: other.mergedInto.clientNumber })}{' '}
              <Anchor component={Link} to={`/clients/${other.mergedInto.id}`}>
                {t('merge.openSurvivor', { number: other.mergedInto.clientNumber })}
              </Anchor>
            </Alert>
          ) : other ? (
            <MergeClientsForm
              key={other.id}
              survivor={record}
              duplicate={other}
              branchNames={branches.names}
              onMerged={(saved) => {
                showSuccess(t('merge.done', { duplicate: other.clientNumber, survivor: saved.clientNumber }));
                navigate(`/clients/${saved.id}`, { replace: true });
              }}
            />
          ) : null}
        </Stack>
      )}
    </>
  );
}
