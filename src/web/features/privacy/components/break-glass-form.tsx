import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLockOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { breakGlassInput } from '../../../../shared/index.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { useBreakGlass } from '../api/break-glass.js';

/**
 * Shown in place of a client of another branch (403 BRANCH_SCOPE): the staff member may open the
 * record for the rest of the day by saying why; the reason goes to the data protection officer.
 */
export function BreakGlassForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const open = useBreakGlass(clientId);
  const form = useForm({
    initialValues: { reason: '' },
    validate: createSchemaValidator(breakGlassInput, (values) => values, t),
  });
  return (
    <Alert variant="light" color="yellow" title={t('privacy.breakGlassTitle')} icon={<IconLockOpen aria-hidden />}>
      <form noValidate onSubmit={form.onSubmit((values) => open.mutate(breakGlassInput.parse(values)))}>
        <Stack gap="sm">
          {t('privacy.breakGlassText')}
          {open.error ? <ErrorAlert error={open.error} /> : null}
          <Textarea label={t('privacy.breakGlassReason')} required autosize minRows={2} maxRows={6} {...form.getInputProps('reason')} />
          <Group>
            <Button type="submit" loading={open.isPending}>
              {t('privacy.breakGlassSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Alert>
  );
}
