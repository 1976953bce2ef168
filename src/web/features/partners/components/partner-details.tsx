import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type PartnerResponse, formatPhone } from '../../../../shared/index.js';
import { DetailList } from '../../../components/data/detail-list.js';
import { useFormat } from '../../../components/intl/use-format.js';

/** Everything the directory knows about a partner. */
export function PartnerDetails({ partner }: { partner: PartnerResponse }) {
  const { t } = useTranslation();
  const { formatLanguage, formatDateTime } = useFormat();
  return (
    <Stack gap="md">
      <DetailList
        items={[
          { label: t('partners.kindLabel'), value: t(`partners.kind.${partner.kind}`) },
          { label: t('partners.languages'), value: partner.languages.map(formatLanguage).join(', ') },
          { label: t('partners.services'), value: partner.services, wide: true },
          { label: t('partners.contactPerson'), value: partner.contactPerson },
          { label: t('partners.phone'), value: partner.phone ? formatPhone(partner.phone) : null },
          { label: t('partners.email'), value: partner.email ? <Anchor href={`mailto:${partner.email}`}>{partner.email}</Anchor> : null },
          {
            label: t('partners.website'),
            value: partner.website ? (
              <Anchor href={partner.website} target="_blank" rel="noopener noreferrer">
                {partner.website}
                <Text span size="sm" c="dimmed">{` (${t('common.opensInNewTab')})`}</Text>
              </Anchor>
            ) : null,
          },
          { label: t('partners.address'), value: partner.address },
          { label: t('partners.municipality'), value: partner.municipality },
          { label: t('partners.note'), value: partner.note, wide: true },
        ]}
      />
      <Text size="sm" c="dimmed">
        {t('partners.recordInfo', { updated: formatDateTime(partner.updatedAt) })}
      </Text>
    </Stack>
  );
}
