import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from './sortable-header.module.css';

type SortableHeaderProps = {
  children: ReactNode;
  /** This column's sort order, or null when the list is sorted by another column. */
  sorted: 'asc' | 'desc' | null;
  onSort: () => void;
};

/** A column header that sorts the list; aria-sort tells screen readers the current order. */
export function SortableHeader({ children, sorted, onSort }: SortableHeaderProps) {
  const Icon = sorted === 'asc' ? IconSortAscending : sorted === 'desc' ? IconSortDescending : IconArrowsSort;
  return (
    <Table.Th aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} className={classes.th}>
      <UnstyledButton onClick={onSort} className={classes.button}>
        <Group gap={4} wrap="nowrap">
          <span>{children}</span>
          <Icon size={16} stroke={1.75} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
