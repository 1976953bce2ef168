import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../components/api/api-error.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { showSuccess } from '../../components/feedback/show-notification.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { ClientForm, formatClientName, useClient } from '../../features/clients/index.js';
import { useCan, useSession } from '../session/session-context.js';
import { NotFoundPage } from './not-found-page.js';
import { useBranchOptions } from './use-reference-options.js';

export function ClientEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { clientId = '' } = useParams();
  const me = useSession();
  const canMerge = useCan('clients.merge');
  const client = useClient(clientId);
  const branches = useBranchOptions(client.data?.branchId);

  if (client.isPending || branches.isPending) return <LoadingState />;
  if (isApiError(client.error, 'NOT_FOUND') || isApiError(client.error, 'VALIDATION_FAILED')) return <NotFoundPage />;
  if (client.isError) return <ErrorAlert error={client.error} />;
  const record = client.data;
  const name = formatClientName(record);

  return (
    <>
      <PageHeader
        back={{ to: `/clients/${record.id}`, label: t('clients.backToRecord') }}
        title={t('clients.editTitleNamed', { name })}
        documentTitle={t('clients.editTitleNamed', { name: record.clientNumber })}
        description={record.clientNumber}
      />
      {record.archived ? (
        <Alert color="gray" variant="light">
          {t('clients.archivedCannotChange')}
        </Alert>
      ) : (
        <ClientForm
          key={record.id}
          client={record}
          branches={branches.options}
          regionCode={me.centre.regionCode}
          canMerge={canMerge}
          onSaved={() => {
            showSuccess(t('clients.saved'));
            navigate(`/clients/${record.id}`);
          }}
          onCancel={() => navigate(`/clients/${record.id}`)}
        />
      )}
    </>
  );
}
