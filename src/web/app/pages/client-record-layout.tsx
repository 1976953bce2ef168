import { Alert, Anchor, Badge, Button, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconArchiveOff, IconArrowsJoin, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate, useOutletContext, useParams } from 'react-router';
import { type ClientResponse, hasPermission } from '../../../shared/index.js';
import { isApiError } from '../../components/api/api-error.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { BreakGlassForm } from '../../features/privacy/index.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { useFormat } from '../../components/intl/use-format.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { ArchiveClientDialog, ClientName, useClient } from '../../features/clients/index.js';
import { useCan, useSession } from '../session/session-context.js';
import classes from './client-record-layout.module.css';
import { clientSections } from './client-sections.js';
import { NotFoundPage } from './not-found-page.js';

/** The client whose record is open, for the sections below the record's header. */
export function useClientRecord(): ClientResponse {
  return useOutletContext<ClientResponse>();
}

/**
 * A client's record: the header with the name, number and actions, the sections the user may open
 * (overview, timeline, consultations …) as links, and the open section below.
 */
export function ClientRecordLayout() {
  const { t } = useTranslation();
  const { clientId = '' } = useParams();
  const { formatDateTime } = useFormat();
  const me = useSession();
  const client = useClient(clientId);
  const canWrite = useCan('clients.write');
  const canArchive = useCan('clients.archive');
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
  // A client of another branch, for someone kept to their own: say why to open it (decision 022).
  if (client.isError && isApiError(client.error, 'BRANCH_SCOPE')) return <BreakGlassForm clientId={clientId} />;
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
  const sections = clientSections.filter((section) => hasPermission(me.roles, section.permission));

  return (
    <>
      <PageHeader
        back={{ to: '/clients', label: t('clients.backToList') }}
        title={<ClientName client={record} />}
        // The tab title shows the client number, never the name: tabs are seen by whoever is near the screen.
        documentTitle={record.clientNumber}
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
          <Text component="div" p="sm" bg="gray.1" style={{ borderRadius: 8 }}>
            <Text fw={700} span>
              {t('clients.archivedNotice')}
            </Text>{' '}
            {`${formatDateTime(record.archivedAt)}${record.archiveReason ? ` · ${record.archiveReason}` : ''}`}
          </Text>
        ) : null}
        {sections.length > 1 ? (
          <nav aria-label={t('clientSections.label')} className={classes.sections}>
            {sections.map((section) => (
              <NavLink
                key={section.path}
                to={section.path ? `/clients/${record.id}/${section.path}` : `/clients/${record.id}`}
                end={!section.path}
                className={classes.section}
              >
                {t(section.labelKey)}
              </NavLink>
            ))}
          </nav>
        ) : null}
        <Outlet context={record} />
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
