import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { archiveClientInput, type ClientResponse } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { showSuccess } from '../../../components/feedback/show-notification.js';
import { applyApiErrors } from '../../../components/forms/apply-api-errors.js';
import { createSchemaValidator } from '../../../components/forms/schema-validator.js';
import { useArchiveClient } from '../api/archive-client.js';
import { useUnarchiveClient } from '../api/unarchive-client.js';
import { formatClientName } from './client-name.js';

type ArchiveDialogProps = { client: ClientResponse; opened: boolean; onClose: () => void };

/** Archives a client with a reason, or restores an archived one. */
export function ArchiveClientDialog({ client, opened, onClose }: ArchiveDialogProps) {
  const { t } = useTranslation();
  const archive = useArchiveClient();
  const unarchive = useUnarchiveClient();
  const form = useForm({
    initialValues: { reason: '' },
    validate: createSchemaValidator(archiveClientInput, (values: { reason: string }) => ({ reason: values.reason.trim() }), t),
  });
  const close = () => {
    form.reset();
    archive.reset();
    unarchive.reset();
    onClose();
  };
  const name = formatClientName(client);

  if (client.archived) {
    return (
      <Modal
        opened={opened}
        onClose={close}
        title={t('clients.unarchiveTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>{t('clients.unarchiveText', { name })}</Text>
          {unarchive.error ? <ErrorAlert error={unarchive.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={unarchive.isPending}
              onClick={() =>
                unarchive.mutate(
                  { id: client.id, version: client.version },
                  {
                    onSuccess: () => {
                      showSuccess(t('clients.unarchived'));
                      close();
                    },
                  },
                )
              }
            >
              {t('clients.unarchive')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('clients.archiveTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          archive.mutate(
            { id: client.id, reason: values.reason.trim(), version: client.version },
            {
              onSuccess: () => {
                showSuccess(t('clients.archivedDone'));
                close();
              },
              onError: (error) => {
                if (isApiError(error)) applyApiErrors(form, error, t);
              },
            },
          ),
        )}
      >
        <Stack gap="md">
          <Text>{t('clients.archiveText', { name })}</Text>
          {archive.error && !isApiError(archive.error, 'VALIDATION_FAILED') ? <ErrorAlert error={archive.error} /> : null}
          <Textarea label={t('clients.archiveReason')} required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={archive.isPending}>
              {t('clients.archive')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
