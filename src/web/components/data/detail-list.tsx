import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './detail-list.module.css';

export type DetailItem = { label: string; value: ReactNode; wide?: boolean };

/** Labelled values of a record, as a description list; empty values show a dash. */
export function DetailList({ items, cols = 2 }: { items: DetailItem[]; cols?: 1 | 2 | 3 }) {
  return (
    <SimpleGrid
      component="dl"
      cols={{ base: 1, sm: Math.min(cols, 2), lg: cols }}
      spacing="md"
      verticalSpacing="sm"
      className={classes.list}
    >
      {items.map((item) => (
        <div key={item.label} className={item.wide ? classes.wide : undefined}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" style={{ overflowWrap: 'anywhere' }}>
            {item.value === null || item.value === undefined || item.value === '' ? '—' : item.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
