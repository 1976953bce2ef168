import { Button, FileInput, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPaperclip } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { extensionOf, uploadDocumentInput } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ResponsiveModal } from '../../../components/dialogs/responsive-modal.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { createSchemaValidator, type FormErrors } from '../../../components/forms/schema-validator.js';
import { toNullableText } from '../../../components/forms/text-value.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { useUploadRules } from '../api/get-upload-rules.js';
import { useUploadDocument } from '../api/upload-document.js';
import { formatFileSize } from './describe-file.js';

/** The props of the field that picks one of the client's consultations (or none). */
export type ConsultationFieldProps = {
  clientId: string;
  label: string;
  description: string;
  value?: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
};

type UploadValues = { file: File | null; description: string; consultationId: string | null };

const toInput = (values: UploadValues) => ({
  description: toNullableText(values.description),
  ...(values.consultationId ? { consultationId: values.consultationId } : {}),
});

type UploadDocumentDialogProps = {
  clientId: string;
  ConsultationField: ComponentType<ConsultationFieldProps>;
  onClose: () => void;
  onUploaded: () => void;
};

/**
 * Uploads one file with a description, optionally to a consultation. The size limit and the accepted
 * kinds are shown and checked before sending; the server checks the content itself.
 */
export function UploadDocumentDialog({ clientId, ConsultationField, onClose, onUploaded }: UploadDocumentDialogProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const rules = useUploadRules(true);
  const upload = useUploadDocument();
  const maxSize = rules.data ? formatFileSize(rules.data.maxBytes, locale) : '';
  const checkFields = createSchemaValidator(uploadDocumentInput, toInput, t);
  const checkFile = (file: File | null): FormErrors => {
    if (!file) return { file: t('documents.fileRequired') };
    if (rules.data && !rules.data.extensions.includes(extensionOf(file.name))) return { file: t('documents.notAccepted') };
    if (rules.data && file.size > rules.data.maxBytes) return { file: t('documents.tooLarge', { size: maxSize }) };
    return {};
  };
  const form = useForm<UploadValues>({
    initialValues: { file: null, description: '', consultationId: null },
    validate: (values) => ({ ...checkFields(values), ...checkFile(values.file) }),
  });
  const handledCodes = ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];

  const submit = form.onSubmit((values) => {
    if (!values.file) return;
    upload.mutate(
      { clientId, file: values.file, input: uploadDocumentInput.parse(toInput(values)) },
      {
        onSuccess: onUploaded,
        onError: (error) => {
          if (isApiError(error, 'PAYLOAD_TOO_LARGE')) form.setFieldError('file', t('documents.tooLarge', { size: maxSize }));
          else if (isApiError(error, 'UNSUPPORTED_MEDIA_TYPE')) form.setFieldError('file', t('documents.notAccepted'));
          else if (isApiError(error)) applyApiErrors(form, error, t);
        },
      },
    );
  });

  return (
    <ResponsiveModal opened onClose={onClose} title={t('documents.uploadTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {upload.error && !(isApiError(upload.error) && handledCodes.includes(upload.error.code)) ? (
            <ErrorAlert error={upload.error} />
          ) : null}
          {rules.isError ? <ErrorAlert error={rules.error} /> : null}
          <FileInput
            label={t('documents.file')}
            description={
              rules.data
                ? t('documents.fileHint', { types: rules.data.extensions.map((e) => e.toUpperCase()).join(', '), size: maxSize })
                : undefined
            }
            placeholder={t('documents.choose')}
            required
            clearable
            clearButtonProps={{ 'aria-label': t('common.clearField') }}
            accept={rules.data?.extensions.map((extension) => `.${extension}`).join(',')}
            leftSection={<IconPaperclip size={16} aria-hidden />}
            data-autofocus
            {...form.getInputProps('file')}
          />
          <Textarea
            label={t('documents.description')}
            description={t('documents.descriptionHint')}
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <ConsultationField
            clientId={clientId}
            label={t('documents.consultation')}
            description={t('documents.consultationHint')}
            {...form.getInputProps('consultationId')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={upload.isPending}>
              {t('documents.upload')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ResponsiveModal>
  );
}
