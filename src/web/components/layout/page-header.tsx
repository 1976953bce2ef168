import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

type PageHeaderProps = {
  title: ReactNode;
  /** The browser tab's title; defaults to `title` when that is plain text. */
  documentTitle?: string;
  description?: ReactNode;
  /** Buttons at the right of the title (they wrap below it on a phone). */
  actions?: ReactNode;
  /** Shown right after the title, e.g. a status badge. */
  badge?: ReactNode;
  /** A link back up, e.g. from a client's record to the client list. */
  back?: { to: string; label: string };
};

/** The page's one h1, its description and its main actions. */
export function PageHeader({ title, documentTitle, description, actions, badge, back }: PageHeaderProps) {
  useDocumentTitle(`${documentTitle ?? (typeof title === 'string' ? title : '')} · Integra`);
  return (
    <>
      {back ? (
        <Anchor
          component={Link}
          to={back.to}
          size="sm"
          underline="hover"
          display="inline-flex"
          mb="xs"
          style={{ alignItems: 'center', gap: 4 }}
        >
          <IconArrowLeft size={14} aria-hidden />
          {back.label}
        </Anchor>
      ) : null}
      <Group justify="space-between" align="flex-start" gap="md" mb="lg" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Group gap="sm" align="center" wrap="wrap">
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            {badge}
          </Group>
          {description ? <Text c="dimmed">{description}</Text> : null}
        </Stack>
        {actions ? (
          <Group gap="sm" wrap="wrap">
            {actions}
          </Group>
        ) : null}
      </Group>
    </>
  );
}
