import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/forms/select-field.js';
import { useFormat } from '../../components/intl/use-format.js';
import { useClientConsultations } from '../../features/counselling/index.js';
import { type ConsultationFieldProps, DocumentsSection } from '../../features/documents/index.js';
import { useCan } from '../session/session-context.js';
import { useClientRecord } from './client-record-layout.js';

/** A client's documents: the list, downloads, uploads. */
export function ClientDocumentsPage() {
  const client = useClientRecord();
  return (
    <DocumentsSection
      client={client}
      canWrite={useCan('documents.write')}
      canDownload={useCan('documents.read')}
      ConsultationField={ConsultationField}
    />
  );
}

/** Picks one of the client's latest consultations, by when and with whom it took place. */
function ConsultationField({ clientId, value, onChange, error, label, description }: ConsultationFieldProps) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormat();
  const consultations = useClientConsultations(clientId, { limit: 100, offset: 0 });
  const options = (consultations.data?.items ?? []).map((consultation) => ({
    value: consultation.id,
    label: [formatDateTime(consultation.startedAt), consultation.staff?.name].filter(Boolean).join(' · '),
  }));
  return (
    <SelectField
      label={label}
      description={description}
      data={options}
      clearable
      value={value ?? null}
      onChange={onChange}
      error={error}
      placeholder={t('documents.noConsultation')}
      disabled={consultations.isError}
    />
  );
}
