import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UserResponse } from '../../../../shared/index.js';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import { languageNames } from '../../../components/layout/language-menu.js';

type UserTableProps = {
  users: UserResponse[];
  branchNames: ReadonlyMap<string, string>;
  currentUserId: string;
  onEdit: (user: UserResponse) => void;
  onToggleActive: (user: UserResponse) => void;
};

/** Staff accounts with their roles, branch, two-factor state and status. */
export function UserTable({ users, branchNames, currentUserId, onEdit, onToggleActive }: UserTableProps) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('users.tableLabel')} minWidth={900} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('users.name')}</Table.Th>
          <Table.Th>{t('users.roles')}</Table.Th>
          <Table.Th>{t('users.branch')}</Table.Th>
          <Table.Th>{t('users.language')}</Table.Th>
          <Table.Th>{t('users.twoFactor')}</Table.Th>
          <Table.Th>{t('users.status')}</Table.Th>
          <Table.Th>{t('common.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((user) => (
          <Table.Tr key={user.id}>
            <Table.Td>
              <Text fw={600}>{user.name}</Text>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {user.email}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {user.roles.map((role) => (
                  <Badge key={role} variant="light" color="gray" size="sm">
                    {t(`role.${role}`)}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{user.branchId ? (branchNames.get(user.branchId) ?? '—') : '—'}</Table.Td>
            <Table.Td>{languageNames[user.locale]}</Table.Td>
            <Table.Td>{user.twoFactorEnabled ? t('users.twoFactorOn') : t('users.twoFactorOff')}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={user.active ? 'green' : 'gray'}>
                {user.active ? t('users.active') : t('users.inactive')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="default"
                  leftSection={<IconPencil size={14} aria-hidden />}
                  onClick={() => onEdit(user)}
                  aria-label={t('users.editNamed', { name: user.name })}
                >
                  {t('common.edit')}
                </Button>
                {user.id === currentUserId ? null : (
                  <Button
                    size="compact-sm"
                    variant="default"
                    color={user.active ? 'red' : undefined}
                    leftSection={user.active ? <IconUserOff size={14} aria-hidden /> : <IconUserCheck size={14} aria-hidden />}
                    onClick={() => onToggleActive(user)}
                    aria-label={
                      user.active ? t('users.deactivateNamed', { name: user.name }) : t('users.reactivateNamed', { name: user.name })
                    }
                  >
                    {user.active ? t('users.deactivate') : t('users.reactivate')}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
