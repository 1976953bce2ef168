import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type GoalStatus, lifeAreas, type PlanGoalResponse } from '../../../../shared/index.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { useUpdateGoal } from '../api/update-goal.js';

/** Colours of goal statuses; the badge's text says the status, the colour only helps the eye. */
export const goalStatusColors: Record<GoalStatus, string> = {
  planned: 'gray',
  in_progress: 'blue',
  achieved: 'green',
  not_achieved: 'orange',
  dropped: 'gray',
};

type GoalListProps = {
  goals: PlanGoalResponse[];
  /** The open plan's goals can be ticked and edited; a closed plan's are shown as they ended. */
  editable: boolean;
  onEdit?: (goal: PlanGoalResponse) => void;
  /** Heading level of the life areas. */
  order?: 3 | 4;
};

/** A plan's goals grouped by life area, each with its status, steps, responsible person and due date. */
export function GoalList({ goals, editable, onEdit, order = 4 }: GoalListProps) {
  const { t } = useTranslation();
  const areas = lifeAreas.filter((area) => goals.some((goal) => goal.area === area));

  return (
    <Stack gap="md">
      {areas.map((area) => (
        <Stack key={area} gap="xs" component="section" aria-label={t(`lifeArea.${area}`)}>
          <Title order={order} size="h5">
            {t(`lifeArea.${area}`)}
          </Title>
          {goals
            .filter((goal) => goal.area === area)
            .map((goal) => (
              <GoalItem key={goal.id} goal={goal} editable={editable} onEdit={onEdit} />
            ))}
        </Stack>
      ))}
    </Stack>
  );
}

function GoalItem({
  goal,
  editable,
  onEdit,
}: {
  goal: PlanGoalResponse;
  editable: boolean;
  onEdit: ((goal: PlanGoalResponse) => void) | undefined;
}) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  const updateGoal = useUpdateGoal();
  // A ticked step shows at once; the saved plan replaces it, or a failure puts the stored steps back.
  const [ticking, setTicking] = useState<PlanGoalResponse['steps'] | null>(null);
  const steps = ticking ?? goal.steps;
  const toggleStep = (index: number, done: boolean) => {
    // One change at a time: the next one starts from the saved steps. The box stays focusable meanwhile.
    if (updateGoal.isPending) return;
    const next = steps.map((step, i) => (i === index ? { ...step, done } : step));
    setTicking(next);
    updateGoal.mutate({ goalId: goal.id, input: { steps: next }, version: goal.version }, { onSettled: () => setTicking(null) });
  };
  const done = steps.filter((step) => step.done).length;
  const facts = [
    goal.responsible ? t('plans.responsibleIs', { name: goal.responsible.name }) : null,
    goal.dueOn ? t('plans.dueOnIs', { date: formatDate(goal.dueOn) }) : null,
    steps.length ? t('plans.stepsDone', { done, total: steps.length }) : null,
  ].filter(Boolean);

  return (
    <Paper withBorder radius="sm" p="sm">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {goal.title}
            </Text>
            <Badge variant="light" color={goalStatusColors[goal.status]} maw="none">
              {t(`goalStatus.${goal.status}`)}
            </Badge>
          </Group>
          {facts.length ? (
            <Text size="sm" c="dimmed">
              {facts.join(' · ')}
            </Text>
          ) : null}
        </Stack>
        {editable && onEdit ? (
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconPencil size={14} aria-hidden />}
            aria-label={t('plans.editGoalNamed', { title: goal.title })}
            onClick={() => onEdit(goal)}
          >
            {t('common.edit')}
          </Button>
        ) : null}
      </Group>
      {updateGoal.error ? <ErrorAlert error={updateGoal.error} /> : null}
      {steps.length ? (
        <Stack gap={6} mt="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('plans.steps')}>
          {steps.map((step, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are known by their place in the list
            <li key={index}>
              <Checkbox
                label={step.text}
                checked={step.done}
                disabled={!editable}
                onChange={(event) => toggleStep(index, event.currentTarget.checked)}
              />
            </li>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}
