import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconArchiveOff, IconArrowsJoin, IconHistory, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../components/api/api-error.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { useFormat } from '../../components/intl/use-format.js';
import { PageHeader } from '../../components/layout/page-header.js';
import {
  ArchiveClientDialog,
  ClientDetailsSection,
  ClientName,
  ConsentsSection,
  EligibilitySection,
  formatClientName,
  ResidenceSection,
  useClient,
} from '../../features/clients/index.js';
import { useCan } from '../session/session-context.js';
import { NotFoundPage } from './not-found-page.js';
import { useBranchOptions, useProjectOptions } from './use-reference-options.js';

export function ClientDetailPage() {
  const { t } = useTranslation();
  const { clientId = '' } = useParams();
  const { formatDateTime } = useFormat();
  const client = useClient(clientId);
  const canWrite = useCan('clients.write');
  const canArchive = useCan('clients.archive');
  const canReadAudit = useCan('audit.read');
  const branches = useBranchOptions();
  const projects = useProjectOptions();
  const canMerge = useCan('clients.merge');
  const [archiveOpened, archiveDialog] = useDisclosure(false);
  const navigate = useNavigate();
  const location = useLocation();
  const mergedInto = client.data?.mergedInto;
  const arrivedFrom = redirectedFrom(location.state);

  // Old links and numbers of a merged record lead to the record that now holds the person.
  useEffect(() => {
    if (client.data?.mergedInto) {
      navigate(`/clients/${client.data.mergedInto.id}`, { replace: true, state: { [redirectKey]: client.data.clientNumber } });
    }
  }, [client.data, navigate]);

  if (client.isPending) return <LoadingState />;
  if (isApiError(client.error, 'NOT_FOUND') || isApiError(client.error, 'VALIDATION_FAILED')) return <NotFoundPage />;
  if (client.isError) return <ErrorAlert error={client.error} />;
  const record = client.data;
  if (mergedInto) {
    return (
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('clients.mergedIntoTitle')} role="status">
        {t('clients.mergedIntoText', { number: record.clientNumber, into: mergedInto.clientNumber })}{' '}
        <Anchor component={Link} to={`/clients/${mergedInto.id}`} replace>
          {t('clients.openSurvivor', { number: mergedInto.clientNumber })}
        </Anchor>
      </Alert>
    );
  }

  return (
    <>
      <PageHeader
        back={{ to: '/clients', label: t('clients.backToList') }}
        title={<ClientName client={record} />}
        documentTitle={formatClientName(record)}
        badge={
          <>
            <Badge variant="outline" color="gray" size="lg">
              {record.clientNumber}
            </Badge>
            {record.archived ? (
              <Badge variant="light" color="gray" size="lg">
                {t('clients.archived')}
              </Badge>
            ) : null}
          </>
        }
        actions={
          <>
            {canWrite && !record.archived ? (
              <Button component={Link} to={`/clients/${record.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
                {t('common.edit')}
              </Button>
            ) : null}
            {canMerge && !record.archived ? (
              <Button
                component={Link}
                to={`/clients/${record.id}/merge`}
                variant="default"
                leftSection={<IconArrowsJoin size={16} aria-hidden />}
              >
                {t('merge.action')}
              </Button>
            ) : null}
            {canArchive ? (
              <Button
                variant="default"
                onClick={archiveDialog.open}
                leftSection={record.archived ? <IconArchiveOff size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />}
              >
                {record.archived ? t('clients.unarchive') : t('clients.archive')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        {arrivedFrom && arrivedFrom !== record.clientNumber ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
            {t('clients.redirectedFromMerged', { number: arrivedFrom, into: record.clientNumber })}
          </Alert>
        ) : null}
        {record.mergedFrom.length ? (
          <Text component="div" p="sm" bg="blue.0" style={{ borderRadius: 8 }}>
            <Text fw={700} span>
              {t('clients.mergedRecords')}
            </Text>{' '}
            {record.mergedFrom.map((merged) => merged.clientNumber).join(', ')}
          </Text>
        ) : null}
        {record.archived ? (
          <ArchivedNotice
            title={t('clients.archivedNotice')}
            text={`${formatDateTime(record.archivedAt)}${record.archiveReason ? ` · ${record.archiveReason}` : ''}`}
          />
        ) : null}
        <ClientDetailsSection client={record} branchName={record.branchId ? (branches.names.get(record.branchId) ?? null) : null} />
        <EligibilitySection client={record} projectNames={projects.names} />
        <ResidenceSection client={record} />
        <ConsentsSection client={record} canWrite={canWrite} />
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('clients.recordInfo', { created: formatDateTime(record.createdAt), updated: formatDateTime(record.updatedAt) })}
          </Text>
          {canReadAudit ? (
            <Anchor component={Link} to={`/audit?clientId=${record.id}`} size="sm">
              <Group gap={4} component="span" wrap="nowrap">
                <IconHistory size={16} aria-hidden />
                {t('clients.auditTrail')}
              </Group>
            </Anchor>
          ) : null}
        </Group>
      </Stack>
      {canArchive ? <ArchiveClientDialog client={record} opened={archiveOpened} onClose={archiveDialog.close} /> : null}
    </>
  );
}

/** The history state a merged record's page leaves for the survivor's: the number that was opened. */
const redirectKey = 'mergedFromNumber';
function redirectedFrom(state: unknown): string | null {
  const value = (state as Record<string, unknown> | null)?.[redirectKey];
  return typeof value === 'string' ? value : null;
}

function ArchivedNotice({ title, text }: { title: string; text: string }) {
  return (
    <Text component="div" p="sm" bg="gray.1" style={{ borderRadius: 8 }}>
      <Text fw={700} span>
        {title}
      </Text>{' '}
      {text}
    </Text>
  );
}
