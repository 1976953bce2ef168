import { Badge, Button, Group, Table } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import type { Branch } from '../api/find-branches.js';

type BranchTableProps = { branches: Branch[]; onEdit: (branch: Branch) => void; onToggleArchived: (branch: Branch) => void };

/** The centre's branches with their state. */
export function BranchTable({ branches, onEdit, onToggleArchived }: BranchTableProps) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('branches.tableLabel')} minWidth={680} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('branches.name')}</Table.Th>
          <Table.Th>{t('branches.municipality')}</Table.Th>
          <Table.Th>{t('branches.address')}</Table.Th>
          <Table.Th>{t('branches.state')}</Table.Th>
          <Table.Th>{t('common.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {branches.map((branch) => (
          <Table.Tr key={branch.id}>
            <Table.Td fw={600}>{branch.name}</Table.Td>
            <Table.Td>{branch.municipality}</Table.Td>
            <Table.Td>{branch.address ?? '—'}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={branch.archived ? 'gray' : 'green'}>
                {branch.archived ? t('branches.archived') : t('branches.inUse')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="default"
                  leftSection={<IconPencil size={14} aria-hidden />}
                  onClick={() => onEdit(branch)}
                  aria-label={t('branches.editNamed', { name: branch.name })}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  leftSection={branch.archived ? <IconArchiveOff size={14} aria-hidden /> : <IconArchive size={14} aria-hidden />}
                  onClick={() => onToggleArchived(branch)}
                  aria-label={
                    branch.archived ? t('branches.restoreNamed', { name: branch.name }) : t('branches.archiveNamed', { name: branch.name })
                  }
                >
                  {branch.archived ? t('branches.restore') : t('branches.archive')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
