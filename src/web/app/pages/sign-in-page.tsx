import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { meQueryKey, SignInForm, useMe } from '../../features/session/index.js';
import { useSetupStatus } from '../../features/setup/index.js';
import { PublicLayout } from '../layout/public-layout.js';
import { safeNextPath } from '../session/safe-next-path.js';

export function SignInPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const setup = useSetupStatus();
  const me = useMe();
  const next = safeNextPath(searchParams.get('next'));

  if (setup.isPending || me.isPending) return <LoadingState minHeight="100vh" />;
  if (setup.data?.setupRequired) return <Navigate to="/setup" replace />;
  if (me.data) return <Navigate to={next} replace />;

  return (
    <PublicLayout title={t('signIn.title')} description={t('signIn.intro')}>
      <SignInForm
        onSignedIn={async () => {
          await queryClient.invalidateQueries({ queryKey: meQueryKey });
          navigate(next, { replace: true });
        }}
      />
    </PublicLayout>
  );
}
