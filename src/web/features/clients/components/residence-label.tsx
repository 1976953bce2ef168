import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidenceCategory } from '../../../../shared/index.js';
import { useFormat } from '../../../components/intl/use-format.js';

type ResidenceLabelProps = {
  residence: { category: ResidenceCategory; validUntil: string | null } | null;
  /** The centre's today (YYYY-MM-DD): an expired permit is marked. */
  today: string;
};

/** "Temporary protection · until 31. 12. 2026", with expiry marked in words, not only colour. */
export function ResidenceLabel({ residence, today }: ResidenceLabelProps) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  if (!residence)
    return (
      <Text span c="dimmed" inherit>
        {t('clients.noResidence')}
      </Text>
    );
  const expired = residence.validUntil !== null && residence.validUntil < today;
  return (
    <>
      {t(`residenceCategory.${residence.category}`)}
      {residence.validUntil ? (
        <Text span size="sm" c={expired ? 'red.9' : 'dimmed'} fw={expired ? 600 : 400} display="block">
          {expired
            ? t('clients.expiredOn', { date: formatDate(residence.validUntil) })
            : t('clients.validUntil', { date: formatDate(residence.validUntil) })}
        </Text>
      ) : null}
    </>
  );
}
