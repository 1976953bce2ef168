import { useTranslation } from 'react-i18next';
import { type ClientResponse, formatPhone } from '../../../../shared/index.js';
import { DetailList } from '../../../components/data/detail-list.js';
import { SectionCard } from '../../../components/layout/section-card.js';
import { useFormat } from '../../../components/intl/use-format.js';

type ClientDetailsSectionProps = { client: ClientResponse; branchName: string | null };

/** Personal data, contacts and address of a client. */
export function ClientDetailsSection({ client, branchName }: ClientDetailsSectionProps) {
  const { t } = useTranslation();
  const { formatDate, formatCountry, formatLanguage } = useFormat();
  const address = client.address;
  const addressLines = [address.street, [address.postcode, address.municipality].filter(Boolean).join(' ')].filter(Boolean).join(', ');

  return (
    <>
      <SectionCard title={t('clients.sectionPersonal')} id="personal">
        <DetailList
          cols={3}
          items={[
            { label: t('clients.familyName'), value: client.familyName },
            { label: t('clients.givenName'), value: client.givenName },
            { label: t('clients.nativeName'), value: [client.familyNameNative, client.givenNameNative].filter(Boolean).join(' ') },
            { label: t('clients.sex'), value: t(`sex.${client.sex}`) },
            { label: t('clients.dateOfBirth'), value: formatDate(client.dateOfBirth) },
            { label: t('clients.citizenships'), value: client.citizenships.map(formatCountry).join(', ') },
            { label: t('clients.languages'), value: client.languages.map(formatLanguage).join(', ') },
            { label: t('clients.preferredLanguage'), value: client.preferredLanguage ? formatLanguage(client.preferredLanguage) : '' },
            { label: t('clients.branch'), value: branchName ?? '' },
          ]}
        />
      </SectionCard>
      <SectionCard title={t('clients.sectionContact')} id="contact">
        <DetailList
          cols={3}
          items={[
            { label: t('clients.phone'), value: client.phone ? formatPhone(client.phone) : null },
            { label: t('clients.email'), value: client.email },
            { label: t('clients.address'), value: addressLines },
            { label: t('clients.district'), value: address.district },
          ]}
        />
      </SectionCard>
      {client.note ? (
        <SectionCard title={t('clients.note')} id="note">
          <div style={{ whiteSpace: 'pre-wrap' }}>{client.note}</div>
        </SectionCard>
      ) : null}
    </>
  );
}
