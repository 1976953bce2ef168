import { Button, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type Role, roles, type Settings } from '../../../../shared/index.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { showSuccess } from '../../../components/feedback/show-notification.js';
import { useUpdateSettings } from '../api/update-settings.js';

/** Which roles must sign in with a second factor. */
export function TwoFactorRolesForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const updateSettings = useUpdateSettings();
  const form = useForm({ initialValues: { twoFactorRequiredRoles: settings.twoFactorRequiredRoles as string[] } });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        updateSettings.mutate(
          { twoFactorRequiredRoles: values.twoFactorRequiredRoles as Role[] },
          {
            onSuccess: (saved) => {
              form.setInitialValues({ twoFactorRequiredRoles: saved.twoFactorRequiredRoles });
              form.reset();
              showSuccess(t('settings.saved'));
            },
          },
        ),
      )}
    >
      <Stack gap="md">
        {updateSettings.error ? <ErrorAlert error={updateSettings.error} /> : null}
        <Checkbox.Group
          label={t('settings.twoFactorRoles')}
          description={t('settings.twoFactorRolesHint')}
          {...form.getInputProps('twoFactorRequiredRoles')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="sm">
            {roles.map((role) => (
              <Checkbox key={role} value={role} label={t(`role.${role}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Text size="sm" c="dimmed">
          {t('settings.twoFactorEffect')}
        </Text>
        <Group>
          <Button type="submit" loading={updateSettings.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
