import type { Tx } from '../../../db/open-database.js';
import { type CounsellingTopicList, counsellingTopicList, defaultCounsellingTopics } from '../../../shared/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import { readSetting, writeSetting } from '../centre/centre.service.js';
import { selectTopicsInUse } from './consultations.repo.js';
import { lockTopicList } from './topics.repo.js';

/** The settings key the topic list is stored under. */
const topicsKey = 'counselling_topics';

/** The configured topic list; the default list while none has been saved. */
export async function getTopics(db: Tx): Promise<CounsellingTopicList> {
  const parsed = counsellingTopicList.safeParse(await readSetting(db, topicsKey));
  return parsed.success ? parsed.data : { topics: [...defaultCounsellingTopics] };
}

/** What the audit trail keeps of a topic list: codes are not personal data; labels are named only. */
function auditViewOf(list: CounsellingTopicList) {
  return {
    topics: list.topics.map((topic) => topic.code),
    activeTopics: list.topics.filter((topic) => topic.active).map((topic) => topic.code),
    labels: list.topics.map((topic) => topic.labels),
  };
}

/**
 * Replaces the topic list. A code that a consultation has cannot be removed (409 with the codes):
 * reports and old records keep needing its label, so it is deactivated instead.
 */
export async function updateTopics(ctx: Ctx, input: CounsellingTopicList): Promise<CounsellingTopicList> {
  return ctx.db.transaction(async (tx) => {
    await lockTopicList(tx, 'exclusive');
    const before = await getTopics(tx);
    const kept = new Set(input.topics.map((topic) => topic.code));
    const inUse = await selectTopicsInUse(
      tx,
      before.topics.map((topic) => topic.code).filter((code) => !kept.has(code)),
    );
    if (inUse.length > 0) {
      throw new AppError('CONFLICT', 'Topics that consultations have cannot be removed; deactivate them instead', { codes: inUse });
    }
    const changes = diffFields(auditViewOf(before), auditViewOf(input), ['topics', 'activeTopics', 'labels'], ['topics', 'activeTopics']);
    if (changes.length === 0) return before;
    await writeSetting(tx, topicsKey, input);
    await recordAudit(tx, ctx, { action: 'settings.updated', entityType: 'settings', entityId: topicsKey, changes });
    return input;
  });
}

/**
 * Refuses topic codes that are not offered: unknown codes and deactivated ones, except those the
 * consultation already has (a deactivated topic stays on the records that have it).
 */
export async function requireOfferedTopics(tx: Tx, codes: readonly string[], alreadyOn: readonly string[] = []): Promise<void> {
  await lockTopicList(tx, 'shared');
  const { topics } = await getTopics(tx);
  const byCode = new Map(topics.map((topic) => [topic.code, topic]));
  const issues = codes.flatMap((code, index) => {
    const topic = byCode.get(code);
    if (topic && (topic.active || alreadyOn.includes(code))) return [];
    const message = topic ? 'This topic is no longer offered' : 'Not a topic of the configured list';
    return [{ field: `body.topics.${index}`, code: topic ? 'inactive_topic' : 'unknown_topic', message }];
  });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'Unknown topic', issues);
}
