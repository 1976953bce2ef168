import { Anchor, Box, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown when a page fails to render or to load its code (e.g. after a new version was deployed). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Box component="main" id="main" p="xl" maw={640} mx="auto">
      <Stack gap="md">
        <Title order={1} size="h2">
          {notFound ? t('notFound.title') : t('routeError.title')}
        </Title>
        <Text>{notFound ? t('notFound.text') : t('routeError.text')}</Text>
        <Anchor href="/">{t('common.backHome')}</Anchor>
      </Stack>
    </Box>
  );
}
