import { Badge, Button, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowRight, IconArrowsJoin, IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../../../../shared/index.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { formatClientName, formatNativeName } from './client-name.js';
import { MatchReasons } from './match-reasons.js';

type DuplicateCandidateListProps = {
  candidates: DuplicateCandidate[];
  /** Open records in a new tab, so that the form stays filled in (before "save anyway"). */
  newTab?: boolean;
  /** Called before a record opens in this tab, e.g. to leave the form without asking. */
  onOpen?: () => void;
  /** Offers to merge each candidate into this record (coordinators editing it; unsaved changes are asked about). */
  mergeIntoId?: string;
};

/** Long labels wrap on a narrow screen instead of being cut off. */
const wrappingButton = {
  h: 'auto',
  mih: 36,
  maw: '100%',
  styles: { label: { whiteSpace: 'normal' as const, textAlign: 'left' as const, paddingBlock: 4 } },
};

/** Registered clients who may be the same person: how alike they are, why, and a way to their record. */
export function DuplicateCandidateList({ candidates, newTab, onOpen, mergeIntoId }: DuplicateCandidateListProps) {
  const { t } = useTranslation();
  const { formatDate, formatCountry, formatPercent } = useFormat();

  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {candidates.map((candidate) => {
        const native = formatNativeName(candidate);
        const likely = candidate.match.level === 'likely';
        return (
          <Paper component="li" key={candidate.id} withBorder p="sm" radius="md" bg="white">
            <Stack gap={6}>
              <Stack gap={4}>
                <Group gap="xs" wrap="wrap">
                  <Badge component="span" variant="light" color={likely ? 'red' : 'yellow'} radius="sm" tt="none">
                    {t(likely ? 'clients.duplicateLikely' : 'clients.duplicatePossible', { score: formatPercent(candidate.match.score) })}
                  </Badge>
                  <Text span fw={700} style={{ overflowWrap: 'anywhere' }}>
                    {candidate.clientNumber} · {formatClientName(candidate)}
                  </Text>
                  {native ? (
                    <Text span c="dimmed">
                      {native}
                    </Text>
                  ) : null}
                </Group>
                <Text size="sm">
                  {[
                    candidate.dateOfBirth ? t('clients.bornOn', { date: formatDate(candidate.dateOfBirth) }) : t('clients.birthUnknown'),
                    candidate.citizenships.map(formatCountry).join(', '),
                    candidate.archived ? t('clients.archived') : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                <MatchReasons reasons={candidate.match.reasons} />
              </Stack>
              <Group gap="xs" wrap="wrap" mt={4}>
                {mergeIntoId ? (
                  <Button
                    component={Link}
                    to={`/clients/${mergeIntoId}/merge?duplicate=${candidate.id}`}
                    variant="default"
                    size="sm"
                    {...wrappingButton}
                    leftSection={<IconArrowsJoin size={16} aria-hidden />}
                  >
                    {t('clients.mergeIntoThis', { number: candidate.clientNumber })}
                  </Button>
                ) : null}
                <Button
                  component={Link}
                  to={`/clients/${candidate.id}`}
                  variant="light"
                  size="sm"
                  {...wrappingButton}
                  rightSection={newTab ? <IconExternalLink size={16} aria-hidden /> : <IconArrowRight size={16} aria-hidden />}
                  onClick={onOpen}
                  {...(newTab ? { target: '_blank', rel: 'noopener' } : {})}
                >
                  {t('clients.openThisRecord')}
                  <VisuallyHidden>{` ${candidate.clientNumber}${newTab ? ` (${t('common.opensInNewTab')})` : ''}`}</VisuallyHidden>
                </Button>
              </Group>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
