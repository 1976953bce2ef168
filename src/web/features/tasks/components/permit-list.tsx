import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExpiringPermit } from '../../../../shared/index.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { formatClientName } from '../../clients/index.js';

/** Permits about to expire, soonest first: whose, which, when, and who looks after it when that is not the reader. */
export function PermitList({ permits, myId }: { permits: ExpiringPermit[]; myId: string }) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {permits.map((permit) => (
        <Paper key={permit.client.id} component="li" withBorder radius="sm" p="sm">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
            <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
              <Anchor component={Link} to={`/clients/${permit.client.id}`} fw={600}>
                {`${formatClientName(permit.client)} (${permit.client.clientNumber})`}
              </Anchor>
              <Text size="sm">
                {[
                  permit.residenceCategory ? t(`residenceCategory.${permit.residenceCategory}`) : null,
                  permit.daysLeft < 0
                    ? t('myDay.expiredOn', { date: formatDate(permit.validUntil) })
                    : t('myDay.expiresOn', { date: formatDate(permit.validUntil) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {permit.assignee?.id === myId ? null : (
                <Text size="sm" c="dimmed">
                  {permit.assignee ? t('tasks.assignedTo', { name: permit.assignee.name }) : t('tasks.unassigned')}
                </Text>
              )}
            </Stack>
            <Badge color={permit.daysLeft < 0 ? 'red' : permit.daysLeft <= 30 ? 'orange' : 'gray'} variant="light" maw="none">
              {permit.daysLeft < 0 ? t('myDay.expired') : t('myDay.daysLeft', { count: permit.daysLeft })}
            </Badge>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
