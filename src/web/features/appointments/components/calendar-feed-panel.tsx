import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconCopy, IconLink, IconLinkOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/dialogs/confirm-dialog.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { LoadingState } from '../../../components/feedback/loading-state.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { SectionCard } from '../../../components/layout/section-card.js';
import { useCreateCalendarFeed } from '../api/create-calendar-feed.js';
import { useCalendarFeed } from '../api/get-calendar-feed.js';
import { useRevokeCalendarFeed } from '../api/revoke-calendar-feed.js';

/**
 * My appointments in my own calendar app: a secret address to subscribe to, shown once when made,
 * and ended at will. Making a new one ends the old one.
 */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const { formatDateTime } = useFormat();
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [confirmOpened, confirm] = useDisclosure(false);

  const make = () => create.mutate(undefined, { onSuccess: (made) => setUrl(made.url) });

  return (
    <SectionCard title={t('calendarFeed.title')} id="calendar-feed">
      <Stack gap="sm">
        <Text size="sm">{t('calendarFeed.intro')}</Text>
        {feed.isPending ? (
          <LoadingState minHeight={60} />
        ) : feed.isError ? (
          <ErrorAlert error={feed.error} />
        ) : (
          <>
            {create.error ? <ErrorAlert error={create.error} /> : null}
            {url ? (
              <Alert color="blue" variant="light" title={t('calendarFeed.madeTitle')}>
                <Stack gap="xs">
                  <Text size="sm">{t('calendarFeed.madeText')}</Text>
                  <TextInput label={t('calendarFeed.address')} value={url} readOnly onFocus={(event) => event.currentTarget.select()} />
                  <CopyButton value={url}>
                    {({ copied, copy }) => (
                      <Button
                        variant="default"
                        size="xs"
                        onClick={copy}
                        leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                        style={{ alignSelf: 'flex-start' }}
                      >
                        {copied ? t('common.copied') : t('calendarFeed.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Stack>
              </Alert>
            ) : (
              <Text size="sm" role="status">
                {feed.data.active && feed.data.createdAt
                  ? t('calendarFeed.active', { date: formatDateTime(feed.data.createdAt) })
                  : t('calendarFeed.none')}
              </Text>
            )}
            <Group gap="sm">
              <Button onClick={make} loading={create.isPending} leftSection={<IconLink size={16} aria-hidden />}>
                {feed.data.active ? t('calendarFeed.replace') : t('calendarFeed.create')}
              </Button>
              {feed.data.active ? (
                <Button variant="default" color="red" onClick={confirm.open} leftSection={<IconLinkOff size={16} aria-hidden />}>
                  {t('calendarFeed.revoke')}
                </Button>
              ) : null}
            </Group>
          </>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirmOpened}
        title={t('calendarFeed.revokeTitle')}
        message={t('calendarFeed.revokeText')}
        confirmLabel={t('calendarFeed.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() =>
          revoke.mutate(undefined, {
            onSuccess: () => {
              setUrl(null);
              confirm.close();
            },
          })
        }
        onClose={confirm.close}
      />
    </SectionCard>
  );
}
