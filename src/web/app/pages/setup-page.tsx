import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { showSuccess } from '../../components/feedback/show-notification.js';
import { SetupForm, useSetupStatus } from '../../features/setup/index.js';
import { PublicLayout } from '../layout/public-layout.js';

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setup = useSetupStatus();

  if (setup.isPending) return <LoadingState minHeight="100vh" />;
  if (!setup.data?.setupRequired) return <Navigate to="/sign-in" replace />;

  return (
    <PublicLayout title={t('setup.title')} description={t('setup.intro')} width={560}>
      <SetupForm
        onDone={() => {
          showSuccess(t('setup.done'));
          navigate('/sign-in', { replace: true });
        }}
      />
    </PublicLayout>
  );
}
