import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

type ScrollTableProps = TableProps & {
  /** The table's accessible name (tables are announced by it). */
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
  children: ReactNode;
};

/** A data table that scrolls horizontally on narrow screens. */
export function ScrollTable({ label, minWidth = 720, children, ...tableProps }: ScrollTableProps) {
  return (
    // The viewport can take focus, so keyboard users can scroll a wide table even when it has no links.
    <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}>
      <Table aria-label={label} verticalSpacing="xs" highlightOnHover {...tableProps}>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
