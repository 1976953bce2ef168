import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatchReason } from '../../../../shared/index.js';

/** Reasons that speak against a match; shown apart from the reasons for it. */
const contraryReasons: readonly MatchReason[] = ['different_date_of_birth'];

/** Why a client was found, as small badges ("matches native name", "same date of birth" …). */
export function MatchReasons({ reasons, max }: { reasons: readonly MatchReason[]; max?: number }) {
  const { t } = useTranslation();
  const shown = max === undefined ? reasons : reasons.slice(0, max);
  if (shown.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap" component="span">
      {shown.map((reason) => (
        <Badge
          key={reason}
          component="span"
          size="sm"
          radius="sm"
          variant="light"
          color={contraryReasons.includes(reason) ? 'orange' : 'blue'}
          tt="none"
          fw={600}
        >
          {t(`matchReason.${reason}`)}
        </Badge>
      ))}
    </Group>
  );
}
