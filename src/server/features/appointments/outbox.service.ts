import type { Db, Tx } from '../../../db/open-database.js';
import { type ListOutboxQuery, type OutboxChannel, type OutboxMessageResponse, outboxChannels, toE164 } from '../../../shared/index.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCentre } from '../centre/centre.service.js';
import { selectReminderFacts } from './appointments.repo.js';
import { describeSendError, type OutboxSenders } from './outbox-senders.js';
import {
  claimDueMessages,
  deleteUnsentMessage,
  markMessageFailed,
  markMessageSent,
  type OutboxRow,
  putMessage,
  selectOutbox,
} from './outbox.repo.js';
import { composeReminder, reminderLanguageOf, reminderLeadMs, reminderPurposeKey } from './reminders.js';

/** Where an SMS goes: the number in E.164; a number stored before phones were checked goes as it is (decision 023). */
const smsNumberOf = (phone: string | null) => (phone ? (toE164(phone) ?? phone) : null);

/**
 * Queues (or rewrites) the reminders of a booked appointment: by e-mail when there is an address,
 * by SMS when there is a phone, in the client's language, 24 hours before the start (at once when
 * booked at shorter notice). A channel without an address loses its unsent reminder; an appointment
 * that has begun gets none.
 */
export async function queueReminders(tx: Tx, appointmentId: string, now: Date): Promise<void> {
  const facts = await selectReminderFacts(tx, appointmentId);
  if (!facts) return;
  const { appointment, client } = facts;
  if (appointment.status !== 'booked' || appointment.startsAt <= now) {
    await withdrawReminders(tx, appointmentId);
    return;
  }
  const recipients: Record<OutboxChannel, string | null> = {
    email: client ? client.email : appointment.contactEmail,
    sms: smsNumberOf(client ? client.phone : appointment.contactPhone),
  };
  const language = reminderLanguageOf(client?.preferredLanguage);
  const sendAfter = new Date(Math.max(now.getTime(), appointment.startsAt.getTime() - reminderLeadMs));
  const { name: centreName } = await getCentre(tx);
  for (const channel of outboxChannels) {
    const purposeKey = reminderPurposeKey(appointmentId, channel);
    const recipient = recipients[channel];
    if (!recipient) {
      await deleteUnsentMessage(tx, purposeKey);
      continue;
    }
    const text = composeReminder(channel, language, {
      startsAt: appointment.startsAt,
      place: appointment.place,
      branch: facts.branch,
      counsellorName: facts.counsellorName,
      centreName,
    });
    await putMessage(tx, {
      channel,
      recipient,
      ...text,
      clientId: appointment.clientId,
      appointmentId,
      purposeKey,
      sendAfter,
    });
  }
}

/** Removes the appointment's unsent reminders (it was cancelled, or took place); sent ones stay as history. */
export async function withdrawReminders(tx: Tx, appointmentId: string): Promise<void> {
  for (const channel of outboxChannels) await deleteUnsentMessage(tx, reminderPurposeKey(appointmentId, channel));
}

export type DeliveryOptions = {
  /** Messages taken at a time. */
  batchSize?: number;
  /** Tries per message before it stays failed. */
  maxAttempts?: number;
};

/** How long a taken message is left to its sender before another run may take it again. */
const leaseMs = 10 * 60_000;
/** The wait before a failed message is tried again: 5 minutes, then 10, 20 … */
const retryDelayMs = (attempts: number) => 5 * 60_000 * 2 ** Math.max(0, attempts - 1);

/**
 * Sends the messages whose time has come, batch by batch until none is left: each through its
 * channel's sender, then marked sent (with the sender's name) or failed (with an error code, the
 * attempt counted, and a later time to try again, up to `maxAttempts` tries).
 */
export async function deliverDueMessages(db: Db, senders: OutboxSenders, now: Date, options: DeliveryOptions = {}) {
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? 3;
  const result = { sent: 0, failed: 0 };
  for (;;) {
    const batch: OutboxRow[] = await db.transaction((tx) =>
      claimDueMessages(tx, { now, leaseUntil: new Date(now.getTime() + leaseMs), limit: batchSize, maxAttempts }),
    );
    for (const message of batch) {
      const sender = senders[message.channel];
      try {
        await sender.send({ channel: message.channel, recipient: message.recipient, subject: message.subject, body: message.body });
        await markMessageSent(db, message.id, sender.name, new Date());
        result.sent++;
      } catch (error) {
        await markMessageFailed(
          db,
          message.id,
          sender.name,
          describeSendError(error),
          new Date(now.getTime() + retryDelayMs(message.attempts)),
        );
        result.failed++;
      }
    }
    if (batch.length < batchSize) return result;
  }
}

/** One page of the outbox. Reading it is audited (with the client when the list is filtered by one). */
export async function findOutboxMessages(ctx: Ctx, query: ListOutboxQuery): Promise<{ items: OutboxMessageResponse[]; total: number }> {
  const { rows, total } = await selectOutbox(ctx.db, query);
  const { limit: _limit, offset: _offset, ...filters } = query;
  await recordAudit(ctx.db, ctx, {
    action: 'outbox.read',
    entityType: 'outbox',
    ...(query.clientId ? { clientId: query.clientId } : {}),
    // The messages carry clients' contacts: the clients they are for, as every list records them (decision 016).
    clientIds: rows.flatMap(({ message }) => (message.clientId ? [message.clientId] : [])),
    details: { filters, count: rows.length },
  });
  return {
    total,
    items: rows.map(({ message, clientNumber }) => ({
      id: message.id,
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject,
      body: message.body,
      client: message.clientId && clientNumber ? { id: message.clientId, clientNumber } : null,
      appointmentId: message.appointmentId,
      purposeKey: message.purposeKey,
      status: message.status,
      sendAfter: message.sendAfter.toISOString(),
      attempts: message.attempts,
      lastError: message.lastError,
      sender: message.sender,
      sentAt: message.sentAt?.toISOString() ?? null,
      createdAt: message.createdAt.toISOString(),
    })),
  };
}
