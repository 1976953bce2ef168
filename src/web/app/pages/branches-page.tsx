import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveToggleDialog } from '../../components/dialogs/archive-toggle-dialog.js';
import { ResponsiveModal } from '../../components/dialogs/responsive-modal.js';
import { EmptyState } from '../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { showSuccess } from '../../components/feedback/show-notification.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { type Branch, BranchForm, BranchTable, useBranches, useUpdateBranch } from '../../features/branches/index.js';

export function BranchesPage() {
  const { t } = useTranslation();
  const branches = useBranches();
  const updateBranch = useUpdateBranch();
  const [editing, setEditing] = useState<Branch | 'new' | null>(null);
  const [toggling, setToggling] = useState<Branch | null>(null);
  const closeToggle = () => {
    setToggling(null);
    updateBranch.reset();
  };

  return (
    <>
      <PageHeader
        title={t('branches.title')}
        description={t('branches.intro')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('branches.new')}
          </Button>
        }
      />
      {branches.isPending ? (
        <LoadingState />
      ) : branches.isError ? (
        <ErrorAlert error={branches.error} />
      ) : branches.data.length === 0 ? (
        <EmptyState>{t('branches.empty')}</EmptyState>
      ) : (
        <BranchTable branches={branches.data} onEdit={setEditing} onToggleArchived={setToggling} />
      )}
      <ResponsiveModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('branches.new') : t('branches.editTitle')}
      >
        {editing !== null ? (
          <BranchForm
            branch={editing === 'new' ? null : editing}
            onSaved={() => {
              showSuccess(t('branches.saved'));
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </ResponsiveModal>
      <ArchiveToggleDialog
        record={toggling}
        texts={{
          archiveTitle: t('branches.archiveTitle'),
          restoreTitle: t('branches.restoreTitle'),
          archiveText: (name) => t('branches.archiveText', { name }),
          restoreText: (name) => t('branches.restoreText', { name }),
          archive: t('branches.archive'),
          restore: t('branches.restore'),
        }}
        loading={updateBranch.isPending}
        error={updateBranch.error}
        onClose={closeToggle}
        onConfirm={(archived) => {
          if (!toggling) return;
          updateBranch.mutate(
            { id: toggling.id, input: { archived } },
            {
              onSuccess: () => {
                showSuccess(t('branches.saved'));
                closeToggle();
              },
            },
          );
        }}
      />
    </>
  );
}
