import { Button, Group, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { auditExportMaxRows, type ListAuditQuery, uiLanguages } from '../../../../shared/index.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { auditExportUrl } from '../api/export-audit-events.js';

type AuditExportButtonProps = { query: Partial<ListAuditQuery>; total: number };

/**
 * Downloads the filtered trail as CSV, headed in the reader's language. A trail longer than the
 * export's cap is not offered: the reader narrows the filters first.
 */
export function AuditExportButton({ query, total }: AuditExportButtonProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = uiLanguages.find((l) => l === i18n.language) ?? 'cs';
  const tooLarge = total > auditExportMaxRows;
  return (
    <Group gap="sm" mb="md">
      {tooLarge ? (
        <Button variant="light" size="xs" leftSection={<IconDownload size={14} aria-hidden />} disabled>
          {t('audit.export')}
        </Button>
      ) : (
        <Button
          component="a"
          href={auditExportUrl(query, lang)}
          download
          variant="light"
          size="xs"
          leftSection={<IconDownload size={14} aria-hidden />}
        >
          {t('audit.export')}
        </Button>
      )}
      {tooLarge ? (
        <Text size="sm" c="dimmed">
          {t('audit.exportTooLarge', { max: format.formatNumber(auditExportMaxRows) })}
        </Text>
      ) : null}
    </Group>
  );
}
