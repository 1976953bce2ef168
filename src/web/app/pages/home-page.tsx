import { Anchor, Card, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission } from '../../../shared/index.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { navigationItems } from '../layout/navigation-items.js';
import { useSession } from '../session/session-context.js';

const descriptions = {
  'nav.clients': 'home.clientsText',
  'nav.projects': 'home.projectsText',
  'nav.users': 'home.usersText',
  'nav.branches': 'home.branchesText',
  'nav.settings': 'home.settingsText',
  'nav.audit': 'home.auditText',
  'nav.account': 'home.accountText',
} as const;

/** The start page: a greeting and the places the user may go. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const items = navigationItems.filter(
    (item) => item.labelKey !== 'nav.home' && (!item.permission || hasPermission(me.roles, item.permission)),
  );

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
              {t(descriptions[item.labelKey as keyof typeof descriptions])}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
