import { Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarCheck, IconCircleCheck, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContentHiddenNotice } from '../../../components/feedback/content-hidden-notice.js';
import type { PlanGoalResponse, PlanResponse } from '../../../../shared/index.js';
import { DetailList } from '../../../components/data/detail-list.js';
import { EmptyState } from '../../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { LoadingState } from '../../../components/feedback/loading-state.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { SectionCard } from '../../../components/layout/section-card.js';
import { useClientPlans } from '../api/find-client-plans.js';
import { GoalDialog } from './goal-dialog.js';
import { GoalList } from './goal-list.js';
import { ClosePlanDialog, OpenPlanDialog, PlanSettingsDialog, ReviewDialog } from './plan-dialogs.js';

type PlanSectionProps = {
  client: { id: string; archived: boolean };
  /** The signed-in user, offered as the responsible person of a new plan. */
  myId: string;
  canWrite: boolean;
};

type Dialog =
  | { kind: 'open' }
  | { kind: 'settings'; plan: PlanResponse }
  | { kind: 'goal'; plan: PlanResponse; goal?: PlanGoalResponse }
  | { kind: 'review'; plan: PlanResponse }
  | { kind: 'close'; plan: PlanResponse };

/**
 * A client's individual plan: the open plan with its goals by life area, steps and reviews, the
 * actions that change it, and the closed plans before it.
 */
export function PlanSection({ client, myId, canWrite }: PlanSectionProps) {
  const { t } = useTranslation();
  const plans = useClientPlans(client.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const editable = canWrite && !client.archived;

  if (plans.isPending) return <LoadingState />;
  if (plans.isError) return <ErrorAlert error={plans.error} />;
  const open = plans.data.items.find((plan) => plan.status === 'open');
  const closed = plans.data.items.filter((plan) => plan.status === 'closed');

  return (
    <Stack gap="lg">
      {open ? (
        <OpenPlan plan={open} editable={editable} onDialog={setDialog} />
      ) : (
        <SectionCard title={t('plans.title')} id="plan">
          <EmptyState
            action={
              editable ? (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'open' })}>
                  {t('plans.open')}
                </Button>
              ) : null
            }
          >
            {t('plans.none')}
          </EmptyState>
        </SectionCard>
      )}
      {closed.length ? (
        <SectionCard title={t('plans.history')} id="plan-history">
          <Stack gap="md">
            {closed.map((plan) => (
              <ClosedPlan key={plan.id} plan={plan} />
            ))}
          </Stack>
        </SectionCard>
      ) : null}
      {dialog?.kind === 'open' ? <OpenPlanDialog clientId={client.id} myId={myId} onClose={close} /> : null}
      {dialog?.kind === 'settings' ? <PlanSettingsDialog plan={dialog.plan} onClose={close} /> : null}
      {dialog?.kind === 'goal' ? <GoalDialog plan={dialog.plan} goal={dialog.goal} onClose={close} /> : null}
      {dialog?.kind === 'review' ? <ReviewDialog plan={dialog.plan} onClose={close} /> : null}
      {dialog?.kind === 'close' ? <ClosePlanDialog plan={dialog.plan} onClose={close} /> : null}
    </Stack>
  );
}

function OpenPlan({ plan, editable, onDialog }: { plan: PlanResponse; editable: boolean; onDialog: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  return (
    <SectionCard
      title={t('plans.title')}
      id="plan"
      actions={
        editable ? (
          <>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => onDialog({ kind: 'settings', plan })}
            >
              {t('plans.editPlan')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconCalendarCheck size={14} aria-hidden />}
              onClick={() => onDialog({ kind: 'review', plan })}
            >
              {t('plans.recordReview')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconCircleCheck size={14} aria-hidden />}
              onClick={() => onDialog({ kind: 'close', plan })}
            >
              {t('plans.close')}
            </Button>
          </>
        ) : null
      }
    >
      <Stack gap="lg">
        <DetailList
          cols={3}
          items={[
            { label: t('plans.openedOn'), value: formatDate(plan.openedOn) },
            { label: t('plans.responsible'), value: plan.responsible?.name },
            { label: t('plans.nextReviewOn'), value: formatDate(plan.nextReviewOn) },
          ]}
        />
        {plan.contentHidden ? <ContentHiddenNotice /> : null}
        {plan.contentHidden ? null : (
          <Stack gap="sm">
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Title order={3} size="h5">
                {t('plans.goals')}
              </Title>
              {editable ? (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => onDialog({ kind: 'goal', plan })}
                >
                  {t('plans.addGoal')}
                </Button>
              ) : null}
            </Group>
            {plan.goals.length ? (
              <GoalList goals={plan.goals} editable={editable} onEdit={(goal) => onDialog({ kind: 'goal', plan, goal })} />
            ) : (
              <Text c="dimmed">{t('plans.noGoals')}</Text>
            )}
          </Stack>
        )}
        {plan.contentHidden ? null : (
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('plans.reviews')}
            </Title>
            <Reviews plan={plan} />
          </Stack>
        )}
      </Stack>
    </SectionCard>
  );
}

function Reviews({ plan }: { plan: PlanResponse }) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  if (plan.reviews.length === 0) return <Text c="dimmed">{t('plans.noReviews')}</Text>;
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {plan.reviews.map((review) => (
        <li key={review.id}>
          <Text size="sm" fw={600}>
            {formatDate(review.reviewedOn)}
            {review.reviewedBy ? ` · ${review.reviewedBy.name}` : ''}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{review.summary}</Text>
        </li>
      ))}
    </Stack>
  );
}

function ClosedPlan({ plan }: { plan: PlanResponse }) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  return (
    <Paper withBorder radius="sm" p="sm" component="article" aria-labelledby={`plan-${plan.id}`}>
      <Group gap="xs" wrap="wrap" mb="xs">
        <Title order={3} size="h5" id={`plan-${plan.id}`}>
          {t('plans.period', { from: formatDate(plan.openedOn), to: formatDate(plan.closedOn) })}
        </Title>
        {plan.outcome ? (
          <Badge variant="light" color="gray" maw="none">
            {t(`planOutcome.${plan.outcome}`)}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {[
          plan.responsible ? t('plans.responsibleIs', { name: plan.responsible.name }) : null,
          plan.contentHidden ? null : t('plans.reviewCount', { count: plan.reviews.length }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {plan.contentHidden ? (
        <ContentHiddenNotice inline />
      ) : plan.goals.length ? (
        <>
          <Divider mb="xs" />
          <GoalList goals={plan.goals} editable={false} />
        </>
      ) : (
        <Text c="dimmed">{t('plans.noGoals')}</Text>
      )}
    </Paper>
  );
}
