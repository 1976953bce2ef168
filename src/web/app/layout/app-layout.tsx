import { Anchor, AppShell, Burger, Button, Container, Group, Menu, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { hasPermission } from '../../../shared/index.js';
import { LanguageMenu } from '../../components/layout/language-menu.js';
import { SkipLink } from '../../components/layout/skip-link.js';
import { useSaveLanguage } from '../../features/account/index.js';
import { useSignOut } from '../../features/session/index.js';
import { useSession } from '../session/session-context.js';
import { navigationItems } from './navigation-items.js';

// The client search loads with the client register's code, not with the first page.
const GlobalClientSearch = lazy(() => import('../../features/clients/index.js').then((m) => ({ default: m.GlobalClientSearch })));

/** The signed-in frame: header, navigation (a drawer on phones) and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 47.99em)', false);
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);
  const saveLanguage = useSaveLanguage();
  const signOut = useSignOut();

  // After moving to another page, keyboard and screen-reader users start at its content.
  useEffect(() => {
    close();
    if (location.pathname !== firstPath.current) {
      firstPath.current = '';
      mainRef.current?.focus();
    }
  }, [location.pathname, close]);

  // Until a required second factor is set up the API refuses everything else, so nothing else is offered.
  const withNavigation = !me.twoFactorSetupRequired;
  const items = navigationItems.filter((item) => !item.permission || hasPermission(me.roles, item.permission));

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 60 }}
        navbar={withNavigation ? { width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              {withNavigation ? (
                <Burger
                  opened={opened}
                  onClick={toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={opened ? t('shell.closeNavigation') : t('shell.openNavigation')}
                  aria-expanded={opened}
                  aria-controls="main-navigation"
                />
              ) : null}
              <Anchor component={Link} to="/" underline="never" fw={800} fz="lg" c="blue.9">
                Integra
              </Anchor>
              <Text visibleFrom="md" c="dimmed" truncate="end">
                {me.centre.name}
              </Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              {withNavigation && hasPermission(me.roles, 'clients.read') ? (
                <Suspense fallback={null}>
                  <GlobalClientSearch />
                </Suspense>
              ) : null}
              <LanguageMenu onChange={saveLanguage} />
              <Menu position="bottom-end" shadow="md" withinPortal>
                <Menu.Target>
                  <Button
                    variant="subtle"
                    color="dark"
                    size="compact-md"
                    leftSection={<IconUserCircle size={20} aria-hidden />}
                    rightSection={<IconChevronDown size={14} aria-hidden />}
                    aria-label={t('shell.userMenu', { name: me.name })}
                  >
                    <Text span visibleFrom="sm" inherit truncate="end" maw={180}>
                      {me.name}
                    </Text>
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{me.email}</Menu.Label>
                  <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} aria-hidden />}>
                    {t('nav.account')}
                  </Menu.Item>
                  <Menu.Item
                    leftSection={<IconLogout size={16} aria-hidden />}
                    onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
                  >
                    {t('shell.signOut')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>

        {withNavigation ? (
          <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('shell.navigation')} inert={isPhone && !opened}>
            <Stack gap={2}>
              <Text hiddenFrom="md" size="sm" c="dimmed" px="sm" pb="xs">
                {me.centre.name}
              </Text>
              {items.map((item) => (
                <NavLink
                  key={item.to}
                  component={RouterNavLink}
                  to={item.to}
                  end={item.end}
                  label={t(item.labelKey)}
                  leftSection={<item.icon size={20} stroke={1.75} aria-hidden />}
                  active={item.end ? location.pathname === item.to : location.pathname.startsWith(item.to)}
                />
              ))}
            </Stack>
          </AppShell.Navbar>
        ) : null}

        <AppShell.Main id="main" tabIndex={-1} ref={mainRef}>
          <Container size="xl" px={0}>
            <Outlet />
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
