import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { TopicsEditor, useTopics } from '../../features/counselling/index.js';

/** The topics consultations are recorded under, named in every UI language. */
export function CounsellingTopicsPage() {
  const { t } = useTranslation();
  const topics = useTopics();
  return (
    <>
      <PageHeader title={t('counsellingTopics.title')} description={t('counsellingTopics.intro')} />
      {topics.isPending ? <LoadingState /> : topics.isError ? <ErrorAlert error={topics.error} /> : <TopicsEditor list={topics.data} />}
    </>
  );
}
