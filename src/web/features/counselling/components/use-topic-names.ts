import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Option } from '../../../components/intl/use-code-options.js';
import { isUiLanguage } from '../../../i18n/i18n.js';
import { useTopics } from '../api/get-topics.js';

/**
 * The configured topics in the UI language: a name for any code (unknown codes keep the code) and
 * the options a form offers — the active topics, and any inactive one the record already has.
 */
export function useTopicNames() {
  const topics = useTopics();
  const { i18n } = useTranslation();
  const language = isUiLanguage(i18n.language) ? i18n.language : 'cs';
  return useMemo(() => {
    const list = topics.data?.topics ?? [];
    const names = new Map(list.map((topic) => [topic.code, topic.labels[language]]));
    return {
      nameOf: (code: string) => names.get(code) ?? code,
      optionsFor: (kept: readonly string[]): Option[] =>
        list
          .filter((topic) => topic.active || kept.includes(topic.code))
          .map((topic) => ({ value: topic.code, label: topic.labels[language] })),
      isPending: topics.isPending,
      error: topics.error,
    };
  }, [topics.data, topics.isPending, topics.error, language]);
}
