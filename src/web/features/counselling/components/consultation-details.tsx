import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ContentHiddenNotice } from '../../../components/feedback/content-hidden-notice.js';
import { useHasPermission } from '../../session/index.js';
import { Link } from 'react-router';
import { type ConsultationResponse, toCentreTime } from '../../../../shared/index.js';
import { DetailList } from '../../../components/data/detail-list.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { SectionCard } from '../../../components/layout/section-card.js';
import { formatClientName } from '../../clients/index.js';
import { describeAnonymousProfile } from './describe-anonymous-profile.js';
import { useTopicNames } from './use-topic-names.js';

type ConsultationDetailsProps = {
  consultation: ConsultationResponse;
  projectNames: ReadonlyMap<string, string>;
  branchNames: ReadonlyMap<string, string>;
};

/** A consultation: its facts for everyone, its content for those who may read it. */
export function ConsultationDetails({ consultation, projectNames, branchNames }: ConsultationDetailsProps) {
  const { t } = useTranslation();
  const readsContent = useHasPermission('counselling.content');
  const format = useFormat();
  const topicNames = useTopicNames();
  const multiline = (text: string | null) => (text ? <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> : null);

  return (
    <Stack gap="lg">
      <SectionCard title={t('consultations.sectionFacts')}>
        <DetailList
          cols={3}
          items={[
            {
              label: t('consultations.client'),
              value: consultation.client ? (
                <Anchor component={Link} to={`/clients/${consultation.client.id}/consultations`}>
                  {formatClientName(consultation.client)} ({consultation.client.clientNumber})
                </Anchor>
              ) : (
                t('consultations.anonymous')
              ),
            },
            ...(consultation.anonymousProfile
              ? [{ label: t('consultations.anonymousProfile'), value: describeAnonymousProfile(consultation.anonymousProfile, t, format) }]
              : []),
            {
              label: t('consultations.when'),
              value: `${format.formatDate(consultation.occurredOn)} ${toCentreTime(new Date(consultation.startedAt))}`,
            },
            {
              label: t('consultations.duration'),
              value: t('consultations.minutes', { minutes: format.formatNumber(consultation.durationMinutes) }),
            },
            { label: t('consultations.kind'), value: t(`consultations.kinds.${consultation.kind}`) },
            { label: t('consultations.staff'), value: consultation.staff?.name },
            {
              label: t('consultations.project'),
              value: consultation.projectId ? (projectNames.get(consultation.projectId) ?? null) : null,
            },
            { label: t('consultations.branch'), value: consultation.branchId ? (branchNames.get(consultation.branchId) ?? null) : null },
            { label: t('consultations.recordedBy'), value: consultation.createdBy?.name },
            ...(consultation.appointmentId
              ? [{ label: t('consultations.appointment'), value: t('consultations.fromAppointmentDone') }]
              : []),
          ]}
        />
      </SectionCard>
      {consultation.contentHidden && !readsContent ? (
        <ContentHiddenNotice />
      ) : consultation.contentHidden ? (
        <Alert variant="light" color="gray" icon={<IconLock aria-hidden />} title={t('consultations.contentHidden')}>
          {t('consultations.contentHiddenText')}
        </Alert>
      ) : (
        <SectionCard title={t('consultations.sectionContent')}>
          <DetailList
            items={[
              { label: t('consultations.form'), value: t(`consultations.forms.${consultation.form}`) },
              { label: t('consultations.topics'), value: consultation.topics.map(topicNames.nameOf).join(', ') },
              {
                label: t('consultations.interpreter'),
                value: consultation.interpreter
                  ? `${format.formatLanguage(consultation.interpreter.language)} · ${t(`consultations.interpreterKinds.${consultation.interpreter.kind}`)}`
                  : t('consultations.noInterpreter'),
              },
              { label: t('consultations.notes'), value: multiline(consultation.notes), wide: true },
              { label: t('consultations.outcome'), value: multiline(consultation.outcome), wide: true },
              { label: t('consultations.followUp'), value: multiline(consultation.followUp), wide: true },
            ]}
          />
        </SectionCard>
      )}
      <Text size="sm" c="dimmed">
        {t('consultations.recordInfo', {
          created: format.formatDateTime(consultation.createdAt),
          updated: format.formatDateTime(consultation.updatedAt),
        })}
      </Text>
    </Stack>
  );
}
