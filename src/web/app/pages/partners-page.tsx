import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerResponse } from '../../../shared/index.js';
import { PaginationBar } from '../../components/data/pagination-bar.js';
import { ArchiveToggleDialog } from '../../components/dialogs/archive-toggle-dialog.js';
import { ResponsiveModal } from '../../components/dialogs/responsive-modal.js';
import { EmptyState } from '../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { showSuccess } from '../../components/feedback/show-notification.js';
import { PageHeader } from '../../components/layout/page-header.js';
import {
  PartnerDetails,
  PartnerFilters,
  PartnerForm,
  PartnerTable,
  partnerPageSize,
  usePartnerListState,
  usePartners,
  useUpdatePartner,
} from '../../features/partners/index.js';
import { useCan } from '../session/session-context.js';

/** The directory of partner organisations and services: search, details, and upkeep for coordinators. */
export function PartnersPage() {
  const { t } = useTranslation();
  const canManage = useCan('partners.manage');
  const { state, query, update } = usePartnerListState();
  const partners = usePartners(query);
  const updatePartner = useUpdatePartner();
  const [shown, setShown] = useState<PartnerResponse | null>(null);
  const [editing, setEditing] = useState<PartnerResponse | 'new' | null>(null);
  const [toggling, setToggling] = useState<PartnerResponse | null>(null);
  const closeToggle = () => {
    setToggling(null);
    updatePartner.reset();
  };

  return (
    <>
      <PageHeader
        title={t('partners.title')}
        description={t('partners.intro')}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('partners.new')}
            </Button>
          ) : null
        }
      />
      <PartnerFilters state={state} onChange={update} />
      {partners.isPending ? (
        <LoadingState />
      ) : partners.isError ? (
        <ErrorAlert error={partners.error} />
      ) : partners.data.total === 0 ? (
        <EmptyState>{t('partners.empty')}</EmptyState>
      ) : (
        <>
          <PartnerTable
            partners={partners.data.items}
            onShow={setShown}
            onEdit={canManage ? setEditing : undefined}
            onToggleArchived={canManage ? setToggling : undefined}
          />
          <PaginationBar
            total={partners.data.total}
            limit={partnerPageSize}
            offset={state.offset}
            onOffsetChange={(offset) => update({ offset })}
          />
        </>
      )}
      <ResponsiveModal opened={shown !== null} onClose={() => setShown(null)} title={shown?.name ?? ''} size="lg">
        {shown ? <PartnerDetails partner={shown} /> : null}
      </ResponsiveModal>
      <ResponsiveModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('partners.new') : t('partners.editTitle')}
        size="lg"
      >
        {editing !== null ? (
          <PartnerForm
            partner={editing === 'new' ? null : editing}
            onSaved={() => {
              showSuccess(t('partners.saved'));
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </ResponsiveModal>
      <ArchiveToggleDialog
        record={toggling}
        texts={{
          archiveTitle: t('partners.archiveTitle'),
          restoreTitle: t('partners.restoreTitle'),
          archiveText: (name) => t('partners.archiveText', { name }),
          restoreText: (name) => t('partners.restoreText', { name }),
          archive: t('partners.archive'),
          restore: t('partners.restore'),
        }}
        loading={updatePartner.isPending}
        error={updatePartner.error}
        onClose={closeToggle}
        onConfirm={(archived) => {
          if (!toggling) return;
          updatePartner.mutate(
            { id: toggling.id, input: { archived }, version: toggling.version },
            {
              onSuccess: () => {
                showSuccess(t('partners.saved'));
                closeToggle();
              },
            },
          );
        }}
      />
    </>
  );
}
