import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { SectionCard } from '../../components/layout/section-card.js';
import { BranchScopeForm, useBranchScope } from '../../features/privacy/index.js';
import { TwoFactorRolesForm, useSettings } from '../../features/settings/index.js';

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const branchScope = useBranchScope();
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      <SectionCard title={t('settings.securityTitle')}>
        {settings.isPending ? (
          <LoadingState />
        ) : settings.isError ? (
          <ErrorAlert error={settings.error} />
        ) : (
          <TwoFactorRolesForm settings={settings.data} />
        )}
      </SectionCard>
      <SectionCard title={t('privacy.branchScopeTitle')}>
        {branchScope.isPending ? (
          <LoadingState />
        ) : branchScope.isError ? (
          <ErrorAlert error={branchScope.error} />
        ) : (
          <BranchScopeForm setting={branchScope.data} />
        )}
      </SectionCard>
    </>
  );
}
