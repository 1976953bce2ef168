import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { formatPhone } from '../../../../shared/index.js';
import { IconArchive, IconArchiveOff, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PartnerResponse } from '../../../../shared/index.js';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import { useFormat } from '../../../components/intl/use-format.js';

type PartnerTableProps = {
  partners: PartnerResponse[];
  onShow: (partner: PartnerResponse) => void;
  /** Given to those who manage the directory. */
  onEdit?: (partner: PartnerResponse) => void;
  onToggleArchived?: (partner: PartnerResponse) => void;
};

/** Partners with what they offer, where, in which languages, and how to reach them. */
export function PartnerTable({ partners, onShow, onEdit, onToggleArchived }: PartnerTableProps) {
  const { t } = useTranslation();
  const { formatLanguage } = useFormat();

  return (
    <ScrollTable label={t('partners.tableLabel')} minWidth={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('partners.name')}</Table.Th>
          <Table.Th>{t('partners.kindLabel')}</Table.Th>
          <Table.Th>{t('partners.municipality')}</Table.Th>
          <Table.Th>{t('partners.languages')}</Table.Th>
          <Table.Th>{t('partners.contacts')}</Table.Th>
          <Table.Th>{t('common.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {partners.map((partner) => (
          <Table.Tr key={partner.id}>
            <Table.Td>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{partner.name}</Text>
                {partner.archived ? (
                  <Badge variant="light" color="gray">
                    {t('partners.archivedBadge')}
                  </Badge>
                ) : null}
              </Group>
              {partner.services ? (
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {partner.services}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{t(`partners.kind.${partner.kind}`)}</Table.Td>
            <Table.Td>{partner.municipality ?? '—'}</Table.Td>
            <Table.Td>{partner.languages.length ? partner.languages.map(formatLanguage).join(', ') : '—'}</Table.Td>
            <Table.Td>
              <Stack gap={2}>
                {partner.phone ? <Text size="sm">{formatPhone(partner.phone)}</Text> : null}
                {partner.email ? (
                  <Anchor href={`mailto:${partner.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {partner.email}
                  </Anchor>
                ) : null}
                {!partner.phone && !partner.email ? '—' : null}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="default"
                  leftSection={<IconInfoCircle size={14} aria-hidden />}
                  onClick={() => onShow(partner)}
                  aria-label={t('partners.detailsNamed', { name: partner.name })}
                >
                  {t('partners.details')}
                </Button>
                {onEdit ? (
                  <Button
                    size="compact-sm"
                    variant="default"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    onClick={() => onEdit(partner)}
                    aria-label={t('partners.editNamed', { name: partner.name })}
                  >
                    {t('common.edit')}
                  </Button>
                ) : null}
                {onToggleArchived ? (
                  <Button
                    size="compact-sm"
                    variant="default"
                    leftSection={partner.archived ? <IconArchiveOff size={14} aria-hidden /> : <IconArchive size={14} aria-hidden />}
                    onClick={() => onToggleArchived(partner)}
                    aria-label={t(partner.archived ? 'partners.restoreNamed' : 'partners.archiveNamed', { name: partner.name })}
                  >
                    {partner.archived ? t('partners.restore') : t('partners.archive')}
                  </Button>
                ) : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
