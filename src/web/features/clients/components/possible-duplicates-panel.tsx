import { Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUsers } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCheckInput } from '../../../../shared/index.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { useDuplicateCheck } from '../api/check-duplicates.js';
import { DuplicateCandidateList } from './duplicate-candidate-list.js';

type PossibleDuplicatesPanelProps = {
  /** What the form holds now; null while there is too little to compare. */
  input: DuplicateCheckInput | null;
  /** Editing a record rather than registering one. */
  editing?: boolean;
  /** Called before an existing record opens in this tab. */
  onOpen: () => void;
  /** The record being edited, when the user may merge the candidates into it. */
  mergeIntoId?: string;
};

/**
 * While the form is being filled in, the people already registered who may be the same one. It asks
 * the API 400 ms after the last change and never takes the focus: a short polite announcement says
 * that (and how many) were found, the list itself stays where the user can go and read it.
 */
export function PossibleDuplicatesPanel({ input, editing, onOpen, mergeIntoId }: PossibleDuplicatesPanelProps) {
  const { t } = useTranslation();
  const { formatNumber } = useFormat();
  // Debounced as text, so an equal input in a new object does not start the wait again.
  const [debounced] = useDebouncedValue(JSON.stringify(input), 400);
  const settled = useMemo(() => JSON.parse(debounced) as DuplicateCheckInput | null, [debounced]);
  const check = useDuplicateCheck(input === null ? null : settled);
  const candidates = input && check.data ? check.data.candidates : [];

  return (
    <>
      <VisuallyHidden role="status" aria-live="polite">
        {candidates.length > 0 ? t('clients.possibleDuplicatesFound', { total: formatNumber(candidates.length) }) : ''}
      </VisuallyHidden>
      {candidates.length > 0 ? (
        <Paper
          component="section"
          aria-labelledby="possible-duplicates-heading"
          withBorder
          radius="md"
          p={{ base: 'sm', sm: 'md' }}
          bg="orange.0"
          style={{ borderColor: 'var(--mantine-color-orange-4)' }}
          data-testid="possible-duplicates"
        >
          <Stack gap="sm">
            <Title order={2} size="h4" id="possible-duplicates-heading" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              <IconUsers size={22} aria-hidden />
              {t('clients.duplicateTitle')}
            </Title>
            <Text>{editing ? t('clients.possibleDuplicatesEditText') : t('clients.possibleDuplicatesText')}</Text>
            <DuplicateCandidateList candidates={candidates} onOpen={onOpen} mergeIntoId={mergeIntoId} />
          </Stack>
        </Paper>
      ) : null}
    </>
  );
}
