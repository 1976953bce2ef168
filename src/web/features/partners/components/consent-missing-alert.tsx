import { Alert, Anchor } from '@mantine/core';
import { IconShieldExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Why a referral cannot be made yet, and where to record the client's consent. */
export function ConsentMissingAlert({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconShieldExclamation aria-hidden />}
      title={t('referrals.consentMissingTitle')}
      role="status"
    >
      {t('referrals.consentMissing')}{' '}
      <Anchor component={Link} to={{ pathname: `/clients/${clientId}`, hash: 'consents' }}>
        {t('referrals.openConsents')}
      </Anchor>
    </Alert>
  );
}
