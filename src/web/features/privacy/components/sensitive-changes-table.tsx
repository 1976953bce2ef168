import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role, SensitiveChange } from '../../../../shared/index.js';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import { useFormat } from '../../../components/intl/use-format.js';

type SensitiveChangesTableProps = { changes: SensitiveChange[]; canOpenClients: boolean };

/** The sensitive changes as the data protection officer reads them: when, who, what kind, and what exactly. */
export function SensitiveChangesTable({ changes, canOpenClients }: SensitiveChangesTableProps) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormat();
  const roleList = (list: Role[]) => (list.length ? list.map((role) => t(`role.${role}`)).join(', ') : t('privacy.noRoles'));

  function describe(change: SensitiveChange) {
    switch (change.kind) {
      case 'role_grant':
        return (
          <Stack gap={2}>
            <Text size="sm">
              {t('privacy.roleGrant', { user: change.user.name, before: roleList(change.rolesBefore), after: roleList(change.rolesAfter) })}{' '}
              {change.selfGrant ? (
                <Badge color="red" variant="light" maw="none">
                  {t('privacy.selfGrant')}
                </Badge>
              ) : null}
            </Text>
            {change.addedPermissions.length ? (
              <Text size="sm" c="dimmed">
                {t('privacy.addedPermissions', {
                  permissions: change.addedPermissions
                    .map((permission) => t(`privacy.permissions.${permission as 'clients.read'}`, { defaultValue: permission }))
                    .join(', '),
                })}
              </Text>
            ) : null}
          </Stack>
        );
      case 'break_glass': {
        const client = change.clientNumber ?? change.clientId;
        return (
          <Stack gap={2}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {canOpenClients ? <Link to={`/clients/${change.clientId}`}>{client}</Link> : client}
              {`: ${change.reason ?? '—'}`}
            </Text>
            {change.expiresAt ? (
              <Text size="sm" c="dimmed">
                {t('privacy.breakGlassUntil', { time: formatDateTime(change.expiresAt) })}
              </Text>
            ) : null}
          </Stack>
        );
      }
      case 'branch_scope':
        return (
          <Text size="sm">
            {t('privacy.branchScope', { before: roleList(change.ownBranchRolesBefore), after: roleList(change.ownBranchRolesAfter) })}
          </Text>
        );
    }
  }

  return (
    <ScrollTable label={t('privacy.title')} minWidth={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('privacy.columns.at')}</Table.Th>
          <Table.Th>{t('privacy.columns.actor')}</Table.Th>
          <Table.Th>{t('privacy.columns.kind')}</Table.Th>
          <Table.Th>{t('privacy.columns.what')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={`${change.kind}-${change.id}`}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <time dateTime={change.at}>{formatDateTime(change.at)}</time>
            </Table.Td>
            <Table.Td>{change.actor?.name ?? '—'}</Table.Td>
            <Table.Td>{t(`privacy.kinds.${change.kind}`)}</Table.Td>
            <Table.Td>{describe(change)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
