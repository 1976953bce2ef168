import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ContentHiddenNotice } from '../../../components/feedback/content-hidden-notice.js';
import { useHasPermission } from '../../session/index.js';
import { Link } from 'react-router';
import { type ConsultationListItem, toCentreTime } from '../../../../shared/index.js';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import { formatClientName } from '../../clients/index.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { describeAnonymousProfile } from './describe-anonymous-profile.js';
import { useTopicNames } from './use-topic-names.js';

type ConsultationTableProps = {
  consultations: ConsultationListItem[];
  /** Lists across clients name the client (or say the consultation was anonymous). */
  showClient?: boolean;
};

/** Consultations with when, what kind, how long and the topics; a legal one the reader may not read shows a lock. */
export function ConsultationTable({ consultations, showClient = false }: ConsultationTableProps) {
  const { t } = useTranslation();
  const readsContent = useHasPermission('counselling.content');
  const format = useFormat();
  const topicNames = useTopicNames();

  return (
    <ScrollTable label={t('consultations.tableLabel')} minWidth={showClient ? 900 : 720} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('consultations.when')}</Table.Th>
          {showClient ? <Table.Th>{t('consultations.client')}</Table.Th> : null}
          <Table.Th>{t('consultations.kind')}</Table.Th>
          <Table.Th>{t('consultations.form')}</Table.Th>
          <Table.Th>{t('consultations.duration')}</Table.Th>
          <Table.Th>{t('consultations.topics')}</Table.Th>
          <Table.Th>{t('consultations.staff')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {consultations.map((consultation) => (
          <Table.Tr key={consultation.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Anchor
                component={Link}
                to={`/consultations/${consultation.id}`}
                aria-label={t('consultations.openNamed', { date: format.formatDate(consultation.occurredOn) })}
              >
                {format.formatDate(consultation.occurredOn)} {toCentreTime(new Date(consultation.startedAt))}
              </Anchor>
            </Table.Td>
            {showClient ? (
              <Table.Td>
                {consultation.client ? (
                  <Anchor component={Link} to={`/clients/${consultation.client.id}/consultations`}>
                    {formatClientName(consultation.client)}
                    <Text span c="dimmed" size="sm" ml={6}>
                      {consultation.client.clientNumber}
                    </Text>
                  </Anchor>
                ) : (
                  <>
                    <Badge variant="light" color="gray">
                      {t('consultations.anonymous')}
                    </Badge>
                    {consultation.anonymousProfile ? (
                      <Text size="sm" c="dimmed">
                        {describeAnonymousProfile(consultation.anonymousProfile, t, format)}
                      </Text>
                    ) : null}
                  </>
                )}
              </Table.Td>
            ) : null}
            <Table.Td>
              <Badge variant="light" color={consultation.kind === 'legal' ? 'grape' : consultation.kind === 'social' ? 'blue' : 'gray'}>
                {t(`consultations.kinds.${consultation.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{consultation.contentHidden ? '—' : t(`consultations.forms.${consultation.form}`)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {t('consultations.minutes', { minutes: format.formatNumber(consultation.durationMinutes) })}
            </Table.Td>
            <Table.Td>
              {consultation.contentHidden && !readsContent ? (
                <ContentHiddenNotice inline />
              ) : consultation.contentHidden ? (
                <Group gap={4} wrap="nowrap">
                  <IconLock size={14} aria-hidden />
                  <Text size="sm" c="dimmed">
                    {t('consultations.contentHidden')}
                  </Text>
                </Group>
              ) : (
                consultation.topics.map(topicNames.nameOf).join(', ')
              )}
            </Table.Td>
            <Table.Td>{consultation.staff?.name ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
