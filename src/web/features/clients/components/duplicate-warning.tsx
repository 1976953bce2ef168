import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VisuallyHidden } from '@mantine/core';
import { useFormat } from '../../../components/intl/use-format.js';
import type { DuplicateCandidate } from '../api/create-client.js';
import { formatClientName, formatNativeName } from './client-name.js';

type DuplicateWarningProps = {
  candidates: DuplicateCandidate[];
  saving: boolean;
  onSaveAnyway: () => void;
  onDismiss: () => void;
};

/** The people the new client may already be; staff check them before saving anyway. */
export function DuplicateWarning({ candidates, saving, onSaveAnyway, onDismiss }: DuplicateWarningProps) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="duplicate-title"
      color="orange"
      variant="light"
      icon={<IconUsers aria-hidden />}
      title={<span id="duplicate-title">{t('clients.duplicateTitle')}</span>}
    >
      <Text mb="xs">{t('clients.duplicateText')}</Text>
      <List spacing={6} mb="md">
        {candidates.map((candidate) => {
          const native = formatNativeName(candidate);
          return (
            <List.Item key={candidate.id}>
              <Anchor component={Link} to={`/clients/${candidate.id}`} target="_blank" rel="noopener" fw={600}>
                {candidate.clientNumber} · {formatClientName(candidate)}
                <VisuallyHidden>{` (${t('common.opensInNewTab')})`}</VisuallyHidden>
              </Anchor>
              {native ? ` · ${native}` : ''}
              {' · '}
              {candidate.dateOfBirth ? t('clients.bornOn', { date: formatDate(candidate.dateOfBirth) }) : t('clients.birthUnknown')}
              {candidate.archived ? ` · ${t('clients.archived')}` : ''}
            </List.Item>
          );
        })}
      </List>
      <Group gap="sm">
        <Button color="#9c3a00" onClick={onSaveAnyway} loading={saving}>
          {t('clients.saveAnyway')}
        </Button>
        <Button variant="default" onClick={onDismiss}>
          {t('clients.backToForm')}
        </Button>
      </Group>
    </Alert>
  );
}
