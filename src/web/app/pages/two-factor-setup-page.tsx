import { Alert, Paper } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/layout/page-header.js';
import { TwoFactorEnrolment } from '../../features/account/index.js';

/** Where a user whose role requires two factors is kept until they have set them up. */
export function TwoFactorSetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('twoFactorSetup.title')} />
      <Alert color="blue" variant="light" icon={<IconShieldLock aria-hidden />} mb="lg" title={t('twoFactorSetup.requiredTitle')}>
        {t('twoFactorSetup.requiredText')}
      </Alert>
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
        <TwoFactorEnrolment onDone={() => navigate('/', { replace: true })} />
      </Paper>
    </>
  );
}
