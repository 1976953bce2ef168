import { Box, Group, Pagination, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../intl/use-format.js';

type PaginationBarProps = {
  total: number;
  limit: number;
  offset: number;
  onOffsetChange: (offset: number) => void;
  onLimitChange?: (limit: number) => void;
  limits?: readonly number[];
};

/** "1–25 of 130", page numbers and the page size, under a list. */
export function PaginationBar({ total, limit, offset, onOffsetChange, onLimitChange, limits = [25, 50, 100] }: PaginationBarProps) {
  const { t } = useTranslation();
  const { formatNumber } = useFormat();
  const pages = Math.max(1, Math.ceil(total / limit));
  const currentPage = Math.min(pages, Math.floor(offset / limit) + 1);
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(total, offset + limit);

  return (
    <Group justify="space-between" align="center" mt="md" gap="sm" wrap="wrap">
      <Text size="sm" aria-live="polite">
        {t('paging.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}
      </Text>
      <Group gap="md" wrap="wrap">
        {onLimitChange ? (
          <Select
            label={t('paging.pageSize')}
            size="xs"
            w={110}
            allowDeselect={false}
            data={limits.map((value) => ({ value: String(value), label: formatNumber(value) }))}
            value={String(limit)}
            onChange={(value) => value && onLimitChange(Number(value))}
          />
        ) : null}
        {pages > 1 ? (
          <Box component="nav" aria-label={t('paging.label')}>
            <Pagination
              total={pages}
              value={currentPage}
              onChange={(page) => onOffsetChange((page - 1) * limit)}
              size="sm"
              siblings={1}
              boundaries={1}
              getItemProps={(page) => ({ 'aria-label': t('paging.page', { page }) })}
              getControlProps={(control) => ({ 'aria-label': t(`paging.${control}`) })}
            />
          </Box>
        ) : null}
      </Group>
    </Group>
  );
}
