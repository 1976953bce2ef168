import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { showSuccess } from '../../components/feedback/show-notification.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { ClientForm, formatClientName } from '../../features/clients/index.js';
import { useSession } from '../session/session-context.js';
import { useBranchOptions } from './use-reference-options.js';

export function ClientCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSession();
  const branches = useBranchOptions();

  return (
    <>
      <PageHeader
        back={{ to: '/clients', label: t('clients.backToList') }}
        title={t('clients.newTitle')}
        description={t('clients.newIntro')}
      />
      {branches.isPending ? (
        <LoadingState />
      ) : (
        <ClientForm
          branches={branches.options}
          regionCode={me.centre.regionCode}
          defaultBranchId={me.branchId}
          onSaved={(client) => {
            showSuccess(t('clients.created', { name: formatClientName(client), number: client.clientNumber }));
            navigate(`/clients/${client.id}`);
          }}
          onCancel={() => navigate('/clients')}
        />
      )}
    </>
  );
}
