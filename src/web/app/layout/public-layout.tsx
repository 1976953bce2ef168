import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { LanguageMenu } from '../../components/layout/language-menu.js';
import { SkipLink } from '../../components/layout/skip-link.js';

type PublicLayoutProps = { title: string; description?: ReactNode; children: ReactNode; width?: number };

/** The frame of the screens before sign-in: a card in the middle, the language switch on top. */
export function PublicLayout({ title, description, children, width = 420 }: PublicLayoutProps) {
  useDocumentTitle(`${title} · Integra`);
  return (
    <Box mih="100vh" bg="gray.0">
      <SkipLink />
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Text fw={800} fz="lg" c="blue.9">
            Integra
          </Text>
          <LanguageMenu />
        </Group>
      </Box>
      <Center component="main" id="main" tabIndex={-1} px="sm" pb="xl">
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }} w="100%" maw={width}>
          <Stack gap="xs" mb="lg">
            <Title order={1} size="h2">
              {title}
            </Title>
            {description ? <Text c="dimmed">{description}</Text> : null}
          </Stack>
          {children}
        </Paper>
      </Center>
    </Box>
  );
}
