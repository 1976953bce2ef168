import { Alert, Button, Group, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../../shared/index.js';
import { DuplicateCandidateList } from './duplicate-candidate-list.js';

type DuplicateWarningProps = {
  candidates: DuplicateCandidate[];
  saving: boolean;
  onSaveAnyway: () => void;
  onDismiss: () => void;
};

/** The people the new client may already be; staff check them before saving anyway. */
export function DuplicateWarning({ candidates, saving, onSaveAnyway, onDismiss }: DuplicateWarningProps) {
  const { t } = useTranslation();
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
      <DuplicateCandidateList candidates={candidates} newTab />
      <Group gap="sm" mt="md">
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
