import { Button, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type BranchScopeSetting, permissionMatrix, type Role, roles } from '../../../../shared/index.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { showSuccess } from '../../../components/feedback/show-notification.js';
import { useUpdateBranchScope } from '../api/branch-scope.js';

/** Only roles that read clients can be kept to a branch. */
const scopedRoles = roles.filter((role) => permissionMatrix['clients.read'].includes(role));

/** Which roles work only with the clients of their own branch (decision 022). */
export function BranchScopeForm({ setting }: { setting: BranchScopeSetting }) {
  const { t } = useTranslation();
  const update = useUpdateBranchScope();
  const form = useForm({ initialValues: { ownBranchRoles: setting.ownBranchRoles as string[] } });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        update.mutate(
          { ownBranchRoles: values.ownBranchRoles as Role[] },
          {
            onSuccess: (saved) => {
              form.setInitialValues({ ownBranchRoles: saved.ownBranchRoles });
              form.reset();
              showSuccess(t('privacy.branchScopeSaved'));
            },
          },
        ),
      )}
    >
      <Stack gap="md">
        {update.error ? <ErrorAlert error={update.error} /> : null}
        <Text size="sm">{t('privacy.branchScopeText')}</Text>
        <Checkbox.Group label={t('privacy.branchScopeRoles')} {...form.getInputProps('ownBranchRoles')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="sm">
            {scopedRoles.map((role) => (
              <Checkbox key={role} value={role} label={t(`role.${role}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
