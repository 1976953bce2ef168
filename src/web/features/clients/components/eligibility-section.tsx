import { Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ClientResponse } from '../../../../shared/index.js';
import { SectionCard } from '../../../components/layout/section-card.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { describeEligibilityReason } from './describe-eligibility-reason.js';

type EligibilitySectionProps = {
  client: ClientResponse;
  /** Project names by id, for a friendlier heading than the code. */
  projectNames: ReadonlyMap<string, string>;
};

/** For each active project: does the client belong to its target group, and why. */
export function EligibilitySection({ client, projectNames }: EligibilitySectionProps) {
  const { t } = useTranslation();
  const format = useFormat();

  return (
    <SectionCard title={t('eligibility.title')} id="eligibility">
      {client.eligibility.length === 0 ? (
        <Text c="dimmed">{t('eligibility.noProjects')}</Text>
      ) : (
        <Stack gap="sm">
          {client.eligibility.map((result) => {
            const name = projectNames.get(result.projectId);
            return (
              <Paper
                key={result.projectId}
                withBorder
                radius="md"
                p="sm"
                component="article"
                aria-labelledby={`eligibility-${result.projectId}`}
              >
                <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
                  <Title order={3} size="h6" id={`eligibility-${result.projectId}`}>
                    {result.projectCode}
                    {name ? ` · ${name}` : ''}
                  </Title>
                  <Badge
                    color={result.eligible ? 'green' : 'red'}
                    variant="light"
                    leftSection={result.eligible ? <IconCheck size={12} aria-hidden /> : <IconX size={12} aria-hidden />}
                  >
                    {result.eligible ? t('eligibility.eligible') : t('eligibility.notEligible')}
                  </Badge>
                </Group>
                <List spacing={4} size="sm" center>
                  {result.reasons.map((reason) => (
                    <List.Item
                      key={`${reason.code}-${JSON.stringify(reason.params ?? {})}`}
                      icon={
                        <ThemeIcon size={20} radius="xl" variant="light" color={reason.ok ? 'green' : 'red'}>
                          {reason.ok ? <IconCheck size={14} aria-hidden /> : <IconX size={14} aria-hidden />}
                        </ThemeIcon>
                      }
                    >
                      <Text span inherit>
                        <VisuallyHidden>{`${reason.ok ? t('eligibility.met') : t('eligibility.notMet')}: `}</VisuallyHidden>
                        {describeEligibilityReason(reason, t, format)}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </Paper>
            );
          })}
        </Stack>
      )}
    </SectionCard>
  );
}
