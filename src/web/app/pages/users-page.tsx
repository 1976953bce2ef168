import { Button, Divider, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconKey, IconPlus, IconSearch, IconShieldOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserResponse } from '../../../shared/index.js';
import { PaginationBar } from '../../components/data/pagination-bar.js';
import { ConfirmDialog } from '../../components/dialogs/confirm-dialog.js';
import { ResponsiveModal } from '../../components/dialogs/responsive-modal.js';
import { EmptyState } from '../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { showSuccess } from '../../components/feedback/show-notification.js';
import { isApiError } from '../../components/api/api-error.js';
import { SelectField } from '../../components/forms/select-field.js';
import { PageHeader } from '../../components/layout/page-header.js';
import { SetPasswordForm, UserForm, UserTable, useFindUsers, useResetUserTwoFactor, useUpdateUser } from '../../features/users/index.js';
import { useSession } from '../session/session-context.js';
import { useBranchOptions } from './use-reference-options.js';

type ActiveFilter = 'all' | 'true' | 'false';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 350);
  const [active, setActive] = useState<ActiveFilter>('all');
  const [limit, setLimit] = useState(25);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<UserResponse | 'new' | null>(null);
  const [toggling, setToggling] = useState<UserResponse | null>(null);
  const [settingPassword, setSettingPassword] = useState<UserResponse | null>(null);
  const [resettingTwoFactor, setResettingTwoFactor] = useState<UserResponse | null>(null);
  const users = useFindUsers({ q: debouncedSearch || undefined, active, limit, offset });
  const branches = useBranchOptions(editing && editing !== 'new' ? editing.branchId : null);
  const updateUser = useUpdateUser();
  const resetTwoFactor = useResetUserTwoFactor();

  const closeToggle = () => {
    setToggling(null);
    updateUser.reset();
  };
  const closeTwoFactorReset = () => {
    setResettingTwoFactor(null);
    resetTwoFactor.reset();
  };
  // Help for a colleague who cannot sign in; the administrator's own account is managed under My account.
  const helped = editing && editing !== 'new' && editing.id !== me.id ? editing : null;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.intro')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('users.new')}
          </Button>
        }
      />
      <Group role="search" aria-label={t('users.searchRegion')} align="flex-end" gap="sm" mb="md" wrap="wrap">
        <TextInput
          label={t('users.search')}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setOffset(0);
          }}
          style={{ flex: '1 1 16rem' }}
        />
        <SelectField
          label={t('users.status')}
          allowDeselect={false}
          w={200}
          data={[
            { value: 'all', label: t('users.statusAll') },
            { value: 'true', label: t('users.statusActive') },
            { value: 'false', label: t('users.statusInactive') },
          ]}
          value={active}
          onChange={(value) => {
            setActive(value === 'true' || value === 'false' ? value : 'all');
            setOffset(0);
          }}
        />
      </Group>
      {users.isError ? <ErrorAlert error={users.error} /> : null}
      {users.isPending ? (
        <LoadingState />
      ) : users.data && users.data.items.length === 0 ? (
        <EmptyState>{t('users.empty')}</EmptyState>
      ) : users.data ? (
        <>
          <UserTable
            users={users.data.items}
            branchNames={branches.names}
            currentUserId={me.id}
            onEdit={setEditing}
            onToggleActive={setToggling}
          />
          <PaginationBar
            total={users.data.total}
            limit={limit}
            offset={offset}
            onOffsetChange={setOffset}
            onLimitChange={(value) => {
              setLimit(value);
              setOffset(0);
            }}
          />
        </>
      ) : null}

      <ResponsiveModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('users.new') : t('users.editTitle')}
        size="lg"
      >
        {editing !== null ? (
          <UserForm
            user={editing === 'new' ? null : editing}
            branches={branches.options}
            onSaved={() => {
              showSuccess(editing === 'new' ? t('users.created') : t('users.saved'));
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
          />
        ) : null}
        {helped ? (
          <Stack gap="xs" mt="xl">
            <Divider />
            <Title order={3} size="h5">
              {t('users.signInHelp')}
            </Title>
            <Text size="sm">{t('users.signInHelpText')}</Text>
            <Group gap="sm">
              <Button
                variant="default"
                leftSection={<IconKey size={16} aria-hidden />}
                onClick={() => {
                  setEditing(null);
                  setSettingPassword(helped);
                }}
              >
                {t('users.setPassword')}
              </Button>
              {helped.twoFactorEnabled ? (
                <Button
                  variant="default"
                  leftSection={<IconShieldOff size={16} aria-hidden />}
                  onClick={() => {
                    setEditing(null);
                    setResettingTwoFactor(helped);
                  }}
                >
                  {t('users.resetTwoFactor')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        ) : null}
      </ResponsiveModal>

      <ResponsiveModal opened={settingPassword !== null} onClose={() => setSettingPassword(null)} title={t('users.setPasswordTitle')}>
        {settingPassword ? (
          <SetPasswordForm
            user={settingPassword}
            onSaved={() => {
              showSuccess(t('users.passwordSet', { name: settingPassword.name }));
              setSettingPassword(null);
            }}
            onCancel={() => setSettingPassword(null)}
          />
        ) : null}
      </ResponsiveModal>

      <ConfirmDialog
        opened={resettingTwoFactor !== null}
        title={t('users.resetTwoFactorTitle')}
        message={resettingTwoFactor ? t('users.resetTwoFactorText', { name: resettingTwoFactor.name }) : ''}
        confirmLabel={t('users.resetTwoFactor')}
        danger
        loading={resetTwoFactor.isPending}
        error={resetTwoFactor.error}
        onClose={closeTwoFactorReset}
        onConfirm={() => {
          if (!resettingTwoFactor) return;
          const { id, name } = resettingTwoFactor;
          resetTwoFactor.mutate(id, {
            onSuccess: () => {
              showSuccess(t('users.twoFactorReset', { name }));
              closeTwoFactorReset();
            },
          });
        }}
      />

      <ConfirmDialog
        opened={toggling !== null}
        title={toggling?.active ? t('users.deactivateTitle') : t('users.reactivateTitle')}
        message={
          toggling
            ? toggling.active
              ? t('users.deactivateText', { name: toggling.name })
              : t('users.reactivateText', { name: toggling.name })
            : ''
        }
        confirmLabel={toggling?.active ? t('users.deactivate') : t('users.reactivate')}
        danger={toggling?.active}
        loading={updateUser.isPending}
        error={updateUser.error}
        errorMessage={isApiError(updateUser.error, 'CONFLICT') ? t('users.lastAdmin') : undefined}
        onClose={closeToggle}
        onConfirm={() => {
          if (!toggling) return;
          updateUser.mutate(
            { id: toggling.id, input: { active: !toggling.active } },
            {
              onSuccess: (user) => {
                showSuccess(user.active ? t('users.reactivated', { name: user.name }) : t('users.deactivated', { name: user.name }));
                closeToggle();
              },
            },
          );
        }}
      />
    </>
  );
}
