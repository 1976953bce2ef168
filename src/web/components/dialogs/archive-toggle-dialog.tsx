import { ConfirmDialog } from './confirm-dialog.js';

/** The texts of archiving and restoring one kind of record; `name` is put into the question. */
export type ArchiveToggleTexts = {
  archiveTitle: string;
  restoreTitle: string;
  archiveText: (name: string) => string;
  restoreText: (name: string) => string;
  archive: string;
  restore: string;
};

type ArchiveToggleDialogProps = {
  /** The record to archive (or restore, when archived); the dialog is closed without one. */
  record: { name: string; archived: boolean } | null;
  texts: ArchiveToggleTexts;
  loading: boolean;
  error: unknown;
  onClose: () => void;
  /** Saves `archived` as the opposite of the record's; the caller closes the dialog on success. */
  onConfirm: (archived: boolean) => void;
};

/** Asks before archiving a record (a branch, a partner) or restoring it from the archive. */
export function ArchiveToggleDialog({ record, texts, loading, error, onClose, onConfirm }: ArchiveToggleDialogProps) {
  const restoring = record?.archived ?? false;
  return (
    <ConfirmDialog
      opened={record !== null}
      title={restoring ? texts.restoreTitle : texts.archiveTitle}
      message={record ? (restoring ? texts.restoreText(record.name) : texts.archiveText(record.name)) : ''}
      confirmLabel={restoring ? texts.restore : texts.archive}
      danger={!restoring}
      loading={loading}
      error={error}
      onClose={onClose}
      onConfirm={() => {
        if (record) onConfirm(!record.archived);
      }}
    />
  );
}
