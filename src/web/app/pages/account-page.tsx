import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/layout/page-header.js';
import { SectionCard } from '../../components/layout/section-card.js';
import { ChangePasswordForm, LanguageForm, TwoFactorPanel } from '../../features/account/index.js';
import { useSession } from '../session/session-context.js';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.intro')} />
      <Stack gap="lg">
        <SectionCard title={t('account.profileTitle')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <div>
              <Text size="sm" c="dimmed">
                {t('users.name')}
              </Text>
              <Text>{me.name}</Text>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                {t('users.email')}
              </Text>
              <Text style={{ overflowWrap: 'anywhere' }}>{me.email}</Text>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                {t('users.roles')}
              </Text>
              <Group gap={4} mt={2}>
                {me.roles.map((role) => (
                  <Badge key={role} variant="light" color="gray">
                    {t(`role.${role}`)}
                  </Badge>
                ))}
              </Group>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                {t('account.centre')}
              </Text>
              <Text>{me.centre.name}</Text>
            </div>
          </SimpleGrid>
        </SectionCard>
        <SectionCard title={t('account.languageTitle')}>
          <LanguageForm />
        </SectionCard>
        <SectionCard title={t('account.passwordTitle')}>
          <ChangePasswordForm />
        </SectionCard>
        <SectionCard title={t('account.twoFactorTitle')}>
          <TwoFactorPanel enabled={me.twoFactorEnabled} required={me.twoFactorRequired} />
        </SectionCard>
      </Stack>
    </>
  );
}
