import { Anchor, Card, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission } from '../../../shared/index.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { navigationItems } from '../layout/navigation-items.js';
import { useCan, useSession } from '../session/session-context.js';

const MyDayPage = lazy(() => import('./my-day-page.js').then((m) => ({ default: m.MyDayPage })));

/** The start page: My day for staff who manage tasks, the places to go for everyone else. */
export function StartPage() {
  const managesTasks = useCan('tasks.manage');
  if (!managesTasks) return <HomePage />;
  return (
    <Suspense fallback={<LoadingState />}>
      <MyDayPage />
    </Suspense>
  );
}

/** The start page of those without tasks: a greeting and the places the user may go. */
function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const items = navigationItems.filter((item) => item.descriptionKey && (!item.permission || hasPermission(me.roles, item.permission)));

  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: me.name })}
        documentTitle={t('nav.home')}
        description={t('home.intro', { centre: me.centre.name })}
      />
      {hasPermission(me.roles, 'clients.read') ? (
        <Text mb="lg">
          <Anchor component={Link} to="/clients" fw={600}>
            {t('home.openClients')}
          </Anchor>
        </Text>
      ) : null}
      <Title order={2} size="h4" mb="sm">
        {t('home.sections')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {items.map((item) => (
          <Card key={item.to} withBorder radius="md" padding="md">
            <ThemeIcon variant="light" size="lg" radius="md" mb="sm" aria-hidden>
              <item.icon size={22} stroke={1.75} aria-hidden />
            </ThemeIcon>
            <Title order={3} size="h5" mb={4}>
              <Anchor component={Link} to={item.to}>
                {t(item.labelKey)}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              {item.descriptionKey ? t(item.descriptionKey) : null}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
