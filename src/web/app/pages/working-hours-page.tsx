import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { SectionCard } from '../../components/layout/section-card.js';
import { useWorkingHours, WorkingHoursForm } from '../../features/appointments/index.js';

/** The working hours appointments are booked in. */
export function WorkingHoursPage() {
  const { t } = useTranslation();
  const hours = useWorkingHours();
  return (
    <>
      <PageHeader title={t('workingHours.title')} description={t('workingHours.intro')} />
      <SectionCard title={t('workingHours.weekTitle')}>
        {hours.isPending ? <LoadingState /> : hours.isError ? <ErrorAlert error={hours.error} /> : <WorkingHoursForm hours={hours.data} />}
      </SectionCard>
    </>
  );
}
