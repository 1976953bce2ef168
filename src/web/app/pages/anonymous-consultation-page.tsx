import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { showSuccess } from '../../components/feedback/show-notification.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { ConsultationForm, useConsultationDefaults } from '../../features/counselling/index.js';
import { useConsultationReferenceOptions } from './consultation-reference-options.js';

/** Records a consultation with someone who stays anonymous: only sex, age band, citizenship and residence category. */
export function AnonymousConsultationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const defaults = useConsultationDefaults({});
  const reference = useConsultationReferenceOptions({ branchId: defaults.data?.branchId });

  return (
    <>
      <PageHeader
        back={{ to: '/consultations', label: t('consultations.backToList') }}
        title={t('consultations.anonymousTitle')}
        description={t('consultations.anonymousIntro')}
      />
      {defaults.isPending || reference.isPending ? (
        <LoadingState />
      ) : defaults.isError ? (
        <ErrorAlert error={defaults.error} />
      ) : (
        <ConsultationForm
          mode={{ kind: 'anonymous', defaults: defaults.data }}
          projects={reference.projects.options}
          branches={reference.branches.options}
          onSaved={() => {
            showSuccess(t('consultations.saved'));
            navigate('/consultations');
          }}
          onCancel={() => navigate('/consultations')}
        />
      )}
    </>
  );
}
