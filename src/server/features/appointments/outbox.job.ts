import type pino from 'pino';
import type { Db } from '../../../db/open-database.js';
import type { OutboxSenders } from './outbox-senders.js';
import { deliverDueMessages } from './outbox.service.js';

/**
 * Sends due messages from the outbox every minute (and once at start-up). A run that is still busy
 * when the next is due lets it pass; a failure is logged without the data of the messages, and the
 * next run tries again.
 */
export function scheduleOutboxDelivery(db: Db, senders: OutboxSenders, log: Pick<pino.Logger, 'info' | 'error'>, everyMs = 60_000): void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const delivered = await deliverDueMessages(db, senders, new Date());
      if (delivered.sent + delivered.failed > 0) log.info(delivered, 'outbox delivered');
    } catch (error) {
      log.error({ err: error }, 'outbox delivery failed');
    } finally {
      running = false;
    }
  };
  setInterval(() => void run(), everyMs).unref();
  void run();
}
