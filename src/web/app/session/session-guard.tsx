import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { useMe } from '../../features/session/index.js';
import { useSetupStatus } from '../../features/setup/index.js';
import { SessionContext } from './session-context.js';

export const twoFactorSetupPath = '/two-factor-setup';

/**
 * The signed-in part of the app: first-run setup and sign-in come first, and a user whose role
 * requires two-factor sign-in sets it up before anything else (the API refuses everything else).
 */
export function SessionGuard() {
  const { i18n } = useTranslation();
  const location = useLocation();
  const setup = useSetupStatus();
  const me = useMe();
  const localeAppliedFor = useRef<string | null>(null);

  // The user's saved language applies when they sign in; later switches are saved as they happen.
  useEffect(() => {
    if (!me.data || localeAppliedFor.current === me.data.id) return;
    localeAppliedFor.current = me.data.id;
    if (me.data.locale !== i18n.language) void i18n.changeLanguage(me.data.locale);
  }, [me.data, i18n]);

  if (setup.isPending || me.isPending) return <LoadingState minHeight="100vh" />;
  if (setup.data?.setupRequired) return <Navigate to="/setup" replace />;
  if (me.isError) {
    return (
      <main id="main" style={{ padding: 24 }}>
        <ErrorAlert error={me.error} />
      </main>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data.twoFactorSetupRequired && location.pathname !== twoFactorSetupPath) return <Navigate to={twoFactorSetupPath} replace />;
  if (!me.data.twoFactorSetupRequired && location.pathname === twoFactorSetupPath) return <Navigate to="/" replace />;

  return (
    <SessionContext value={me.data}>
      <Outlet />
    </SessionContext>
  );
}
