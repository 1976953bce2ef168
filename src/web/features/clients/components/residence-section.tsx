import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ClientResponse, toCentreDate } from '../../../../shared/index.js';
import { DetailList } from '../../../components/data/detail-list.js';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import { SectionCard } from '../../../components/layout/section-card.js';
import { useFormat } from '../../../components/intl/use-format.js';

/** The current residence status and every earlier one. */
export function ResidenceSection({ client }: { client: ClientResponse }) {
  const { t } = useTranslation();
  const { formatDate, formatDateTime } = useFormat();
  const today = toCentreDate(new Date());
  const current = client.residence;
  const expired = current?.validUntil ? current.validUntil < today : false;
  const history = [...client.residenceHistory].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));

  return (
    <SectionCard title={t('clients.sectionResidence')} id="residence">
      {current ? (
        <>
          <Group gap="sm" mb="sm">
            <Text fw={600}>{t(`residenceCategory.${current.category}`)}</Text>
            {expired ? (
              <Badge color="red" variant="light">
                {t('clients.expired')}
              </Badge>
            ) : null}
          </Group>
          <DetailList
            cols={3}
            items={[
              { label: t('clients.permitType'), value: current.permitType },
              { label: t('clients.validFrom'), value: formatDate(current.validFrom) },
              { label: t('clients.validUntilLabel'), value: formatDate(current.validUntil) },
            ]}
          />
        </>
      ) : (
        <Text c="dimmed">{t('clients.noResidence')}</Text>
      )}
      {history.length > 0 ? (
        <>
          <Text fw={600} mt="md" mb="xs" id="residence-history">
            {t('clients.residenceHistory')}
          </Text>
          <ScrollTable label={t('clients.residenceHistory')} minWidth={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clients.residenceCategory')}</Table.Th>
                <Table.Th>{t('clients.permitType')}</Table.Th>
                <Table.Th>{t('clients.validFrom')}</Table.Th>
                <Table.Th>{t('clients.validUntilLabel')}</Table.Th>
                <Table.Th>{t('clients.recordedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((record) => (
                <Table.Tr key={record.id}>
                  <Table.Td>{t(`residenceCategory.${record.category}`)}</Table.Td>
                  <Table.Td>{record.permitType ?? '—'}</Table.Td>
                  <Table.Td>{formatDate(record.validFrom) || '—'}</Table.Td>
                  <Table.Td>{formatDate(record.validUntil) || '—'}</Table.Td>
                  <Table.Td>{formatDateTime(record.recordedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </>
      ) : null}
    </SectionCard>
  );
}
