import { ActionIcon, Alert, Button, Fieldset, Group, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type CounsellingTopic, type CounsellingTopicList, counsellingTopicList, uiLanguages } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { currentLanguage } from '../../../i18n/i18n.js';
import { ErrorAlert } from '../../../components/feedback/error-alert.js';
import { showSuccess } from '../../../components/feedback/show-notification.js';
import { describeIssue } from '../../../components/forms/describe-issue.js';
import { readPath } from '../../../components/forms/form-paths.js';
import { useUpdateTopics } from '../api/update-topics.js';
import { useTopicNames } from './use-topic-names.js';

/** A topic as the editor holds it: `saved` topics keep their code, which consultations refer to. */
type EditedTopic = CounsellingTopic & { key: string; saved: boolean };
type TopicFormValues = { topics: EditedTopic[] };

const inUseDetails = z.object({ codes: z.array(z.string()) });

let nextKey = 0;
const toEdited = (topic: CounsellingTopic, saved: boolean): EditedTopic => ({ ...topic, key: `topic-${nextKey++}`, saved });
const toPayload = (values: TopicFormValues): CounsellingTopicList => ({
  topics: values.topics.map(({ code, labels, active }) => ({ code: code.trim(), labels, active })),
});

/** A sentence for a problem with one topic's field; the code has rules of its own. */
function describeTopicIssue(path: string, code: string, values: TopicFormValues, t: TFunction, maximum?: number): string {
  if (path.endsWith('.code')) return code === 'custom' ? t('counsellingTopics.codeTwice') : t('counsellingTopics.codeRule');
  return describeIssue({ field: path, code, value: readPath(values, path), maximum }, t);
}

/**
 * The topic list: names in each UI language, order, active or not. A topic that consultations have
 * cannot be removed (the API says which), only deactivated.
 */
export function TopicsEditor({ list }: { list: CounsellingTopicList }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const topicNames = useTopicNames();
  const updateTopics = useUpdateTopics();
  const form = useForm<TopicFormValues>({
    initialValues: { topics: list.topics.map((topic) => toEdited(topic, true)) },
    validate: (values) => {
      const parsed = counsellingTopicList.safeParse(toPayload(values));
      if (parsed.success) return {};
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        errors[path] ??= describeTopicIssue(path, issue.code, values, t, (issue as { maximum?: number }).maximum);
      }
      return errors;
    },
  });
  const inUse =
    updateTopics.error && isApiError(updateTopics.error, 'CONFLICT') ? inUseDetails.safeParse(updateTopics.error.details) : null;

  function save(values: TopicFormValues) {
    updateTopics.mutate(toPayload(values), {
      onSuccess: (saved) => {
        form.setInitialValues({ topics: saved.topics.map((topic) => toEdited(topic, true)) });
        form.reset();
        showSuccess(t('counsellingTopics.saved'));
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        for (const issue of error.fieldIssues) {
          const path = issue.field.replace(/^body\./, '');
          form.setFieldError(path, describeTopicIssue(path, issue.code, form.getValues(), t));
        }
      },
    });
  }

  const topics = form.values.topics;
  return (
    <form noValidate aria-label={t('counsellingTopics.title')} onSubmit={form.onSubmit(save)}>
      <Stack gap="md">
        {inUse?.success ? (
          <Alert role="alert" color="red" variant="light" title={t('counsellingTopics.inUseTitle')}>
            {t('counsellingTopics.inUseText', { topics: inUse.data.codes.map(topicNames.nameOf).join(', ') })}
          </Alert>
        ) : updateTopics.error && !isApiError(updateTopics.error, 'VALIDATION_FAILED') ? (
          <ErrorAlert error={updateTopics.error} />
        ) : null}
        {form.errors.topics ? (
          <Alert role="alert" color="red" variant="light">
            {t('counsellingTopics.atLeastOne')}
          </Alert>
        ) : null}
        {topics.map((topic, index) => {
          const name = topic.labels[language] || topic.labels.cs || topic.code || t('counsellingTopics.newTopic');
          return (
            <Fieldset key={topic.key} legend={name} radius="md">
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
                  <TextInput
                    label={t('counsellingTopics.code')}
                    description={topic.saved ? t('counsellingTopics.codeFixed') : t('counsellingTopics.codeHint')}
                    readOnly={topic.saved}
                    required
                    {...form.getInputProps(`topics.${index}.code`)}
                  />
                  {uiLanguages.map((language) => (
                    <TextInput
                      key={language}
                      label={t(`counsellingTopics.label.${language}`)}
                      required
                      {...form.getInputProps(`topics.${index}.labels.${language}`)}
                    />
                  ))}
                </SimpleGrid>
                <Group justify="space-between" gap="sm" wrap="wrap">
                  <Switch label={t('counsellingTopics.active')} {...form.getInputProps(`topics.${index}.active`, { type: 'checkbox' })} />
                  <Group gap="xs">
                    <ActionIcon
                      variant="default"
                      size="lg"
                      disabled={index === 0}
                      onClick={() => form.reorderListItem('topics', { from: index, to: index - 1 })}
                      aria-label={t('counsellingTopics.moveUp', { name })}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      disabled={index === topics.length - 1}
                      onClick={() => form.reorderListItem('topics', { from: index, to: index + 1 })}
                      aria-label={t('counsellingTopics.moveDown', { name })}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      color="red"
                      onClick={() => form.removeListItem('topics', index)}
                      aria-label={t('counsellingTopics.remove', { name })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
              </Stack>
            </Fieldset>
          );
        })}
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => form.insertListItem('topics', toEdited({ code: '', labels: { cs: '', en: '', uk: '' }, active: true }, false))}
          >
            {t('counsellingTopics.add')}
          </Button>
          <Button type="submit" loading={updateTopics.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
