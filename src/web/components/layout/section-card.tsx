import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type SectionCardProps = {
  title: ReactNode;
  /** Heading level inside the page; h2 for the page's main sections. */
  order?: 2 | 3;
  actions?: ReactNode;
  children: ReactNode;
  id?: string;
};

/** A titled block of a page (a `section` labelled by its heading). */
export function SectionCard({ title, order = 2, actions, children, id }: SectionCardProps) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <Paper component="section" withBorder radius="md" p={{ base: 'sm', sm: 'md' }} aria-labelledby={headingId} id={id}>
      <Group justify="space-between" align="center" mb="sm" gap="sm" wrap="wrap">
        <Title order={order} size={order === 2 ? 'h4' : 'h5'} id={headingId}>
          {title}
        </Title>
        {actions ? (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        ) : null}
      </Group>
      {children}
    </Paper>
  );
}
