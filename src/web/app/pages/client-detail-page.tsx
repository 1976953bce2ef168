import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../components/intl/use-format.js';
import { ClientDetailsSection, ConsentsSection, EligibilitySection, ResidenceSection } from '../../features/clients/index.js';
import { useCan } from '../session/session-context.js';
import { useClientRecord } from './client-record-layout.js';
import { useBranchOptions, useProjectOptions } from './use-reference-options.js';

/** The overview of a client's record: personal details, eligibility, residence and consents. */
export function ClientDetailPage() {
  const { t } = useTranslation();
  const { formatDateTime } = useFormat();
  const record = useClientRecord();
  const canWrite = useCan('clients.write');
  const canReadAudit = useCan('audit.read');
  const branches = useBranchOptions();
  const projects = useProjectOptions();

  return (
    <Stack gap="lg">
      <ClientDetailsSection client={record} branchName={record.branchId ? (branches.names.get(record.branchId) ?? null) : null} />
      <EligibilitySection client={record} projectNames={projects.names} />
      <ResidenceSection client={record} />
      <ConsentsSection client={record} canWrite={canWrite} />
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('clients.recordInfo', { created: formatDateTime(record.createdAt), updated: formatDateTime(record.updatedAt) })}
        </Text>
        {canReadAudit ? (
          <Anchor component={Link} to={`/audit?clientId=${record.id}`} size="sm">
            <Group gap={4} component="span" wrap="nowrap">
              <IconHistory size={16} aria-hidden />
              {t('clients.auditTrail')}
            </Group>
          </Anchor>
        ) : null}
      </Group>
    </Stack>
  );
}
