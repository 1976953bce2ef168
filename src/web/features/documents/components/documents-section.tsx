import { Anchor, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconLock, IconTrash, IconUpload } from '@tabler/icons-react';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentResponse } from '../../../../shared/index.js';
import { PaginationBar } from '../../../components/data/pagination-bar.js';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import { ConfirmDialog } from '../../../components/dialogs/confirm-dialog.js';
import { EmptyState } from '../../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { LoadingState } from '../../../components/feedback/loading-state.js';
import { showSuccess } from '../../../components/feedback/show-notification.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { SectionCard } from '../../../components/layout/section-card.js';
import { useDeleteDocument } from '../api/delete-document.js';
import { documentContentUrl } from '../api/download-document.js';
import { useClientDocuments } from '../api/find-client-documents.js';
import { describeMediaType, formatFileSize } from './describe-file.js';
import { type ConsultationFieldProps, UploadDocumentDialog } from './upload-document-dialog.js';

type DocumentsSectionProps = {
  client: { id: string; archived: boolean };
  /** documents.write: upload and delete. */
  canWrite: boolean;
  /** documents.read: download. */
  canDownload: boolean;
  /** The choice of one of the client's consultations, which the page supplies (consultations are counselling's). */
  ConsultationField: ComponentType<ConsultationFieldProps>;
};

const limit = 25;

/** A client's documents: the list with downloads, the upload and deleting. */
export function DocumentsSection({ client, canWrite, canDownload, ConsultationField }: DocumentsSectionProps) {
  const { t } = useTranslation();
  const { formatDateTime, locale } = useFormat();
  const [offset, setOffset] = useState(0);
  const documents = useClientDocuments(client.id, { limit, offset });
  const [uploading, setUploading] = useState(false);
  const [deleting, setDeleting] = useState<DocumentResponse | null>(null);
  const deleteDocument = useDeleteDocument();
  const editable = canWrite && !client.archived;
  const closeDelete = () => {
    setDeleting(null);
    deleteDocument.reset();
  };

  return (
    <SectionCard
      title={t('documents.title')}
      id="documents"
      actions={
        editable ? (
          <Button size="xs" variant="light" leftSection={<IconUpload size={14} aria-hidden />} onClick={() => setUploading(true)}>
            {t('documents.upload')}
          </Button>
        ) : null
      }
    >
      {documents.isPending ? (
        <LoadingState />
      ) : documents.isError ? (
        <ErrorAlert error={documents.error} />
      ) : documents.data.total === 0 ? (
        <EmptyState>{t('documents.empty')}</EmptyState>
      ) : (
        <>
          <ScrollTable label={t('documents.tableLabel')} minWidth={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.name')}</Table.Th>
                <Table.Th>{t('documents.type')}</Table.Th>
                <Table.Th>{t('documents.size')}</Table.Th>
                <Table.Th>{t('documents.uploadedAt')}</Table.Th>
                <Table.Th>{t('documents.uploadedBy')}</Table.Th>
                {editable ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.data.items.map((document) => (
                <Table.Tr key={document.id}>
                  <Table.Td>
                    <DocumentName document={document} canDownload={canDownload} />
                  </Table.Td>
                  <Table.Td>{describeMediaType(document.mediaType)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {document.sizeBytes === null ? '—' : formatFileSize(document.sizeBytes, locale)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(document.uploadedAt)}</Table.Td>
                  <Table.Td>{document.uploadedBy?.name ?? '—'}</Table.Td>
                  {editable ? (
                    <Table.Td>
                      {document.restricted ? null : (
                        <Button
                          size="compact-sm"
                          variant="default"
                          leftSection={<IconTrash size={14} aria-hidden />}
                          onClick={() => setDeleting(document)}
                          aria-label={t('documents.deleteNamed', { name: document.fileName })}
                        >
                          {t('documents.delete')}
                        </Button>
                      )}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          <PaginationBar total={documents.data.total} limit={limit} offset={offset} onOffsetChange={setOffset} />
        </>
      )}
      {uploading ? (
        <UploadDocumentDialog
          clientId={client.id}
          ConsultationField={ConsultationField}
          onClose={() => setUploading(false)}
          onUploaded={() => {
            showSuccess(t('documents.uploaded'));
            setOffset(0);
            setUploading(false);
          }}
        />
      ) : null}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('documents.deleteTitle')}
        message={t('documents.deleteText', { name: deleting?.fileName ?? '' })}
        confirmLabel={t('documents.delete')}
        danger
        loading={deleteDocument.isPending}
        error={deleteDocument.error}
        onClose={closeDelete}
        onConfirm={() => {
          if (!deleting) return;
          deleteDocument.mutate(deleting.id, {
            onSuccess: () => {
              showSuccess(t('documents.deleted'));
              closeDelete();
            },
          });
        }}
      />
    </SectionCard>
  );
}

/** The name as a download link for those who may download, and what the document is about. */
function DocumentName({ document, canDownload }: { document: DocumentResponse; canDownload: boolean }) {
  const { t } = useTranslation();
  if (document.restricted) {
    return (
      <Stack gap={2}>
        <Group gap={6} wrap="nowrap">
          <IconLock size={16} aria-hidden />
          <Text fs="italic">{t(document.restrictedReason === 'role' ? 'documents.restrictedByRole' : 'documents.restricted')}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t(document.restrictedReason === 'role' ? 'documents.restrictedByRoleHint' : 'documents.restrictedHint')}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      {canDownload ? (
        <Anchor href={documentContentUrl(document.id)} download={document.fileName ?? true} style={{ overflowWrap: 'anywhere' }}>
          <Group gap={6} wrap="nowrap" component="span">
            <IconDownload size={16} aria-hidden style={{ flexShrink: 0 }} />
            <span>
              <VisuallyHidden>{`${t('documents.download')} `}</VisuallyHidden>
              {document.fileName}
            </span>
          </Group>
        </Anchor>
      ) : (
        <Text style={{ overflowWrap: 'anywhere' }}>{document.fileName}</Text>
      )}
      {document.description ? (
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {document.description}
        </Text>
      ) : null}
    </Stack>
  );
}
