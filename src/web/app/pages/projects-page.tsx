import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectResponse } from '../../../shared/index.js';
import { ResponsiveModal } from '../../components/dialogs/responsive-modal.js';
import { EmptyState } from '../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { showSuccess } from '../../components/feedback/show-notification.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { ProjectForm, ProjectTable, useProjects } from '../../features/projects/index.js';
import { useCan, useSession } from '../session/session-context.js';

export function ProjectsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = useCan('projects.manage');
  const projects = useProjects();
  const [editing, setEditing] = useState<ProjectResponse | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        description={t('projects.intro')}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('projects.new')}
            </Button>
          ) : null
        }
      />
      {projects.isPending ? (
        <LoadingState />
      ) : projects.isError ? (
        <ErrorAlert error={projects.error} />
      ) : projects.data.length === 0 ? (
        <EmptyState>{t('projects.empty')}</EmptyState>
      ) : (
        <ProjectTable projects={projects.data} onEdit={canManage ? setEditing : undefined} />
      )}
      <ResponsiveModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('projects.new') : t('projects.editTitle')}
        size="xl"
      >
        {editing !== null ? (
          <ProjectForm
            project={editing === 'new' ? null : editing}
            regionCode={me.centre.regionCode}
            onSaved={() => {
              showSuccess(t('projects.saved'));
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </ResponsiveModal>
    </>
  );
}
