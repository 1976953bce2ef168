import nodemailer from 'nodemailer';
import type { OutboxChannel } from '../../../shared/index.js';
import type { Config } from '../../config.js';

/** A message as it leaves Integra. */
export type OutgoingMessage = { channel: OutboxChannel; recipient: string; subject: string | null; body: string };

/** Sends one channel's messages; `name` is written on each message it sent. A failure throws. */
export type OutboxSender = { name: string; send: (message: OutgoingMessage) => Promise<void> };
export type OutboxSenders = Record<OutboxChannel, OutboxSender>;

/** Sends nothing: the message is only recorded as sent, for a centre without a gateway (and for tests). */
export const recordingSender: OutboxSender = { name: 'record', send: async () => {} };

/** E-mail through an SMTP server given as a URL (smtp://user:password@host:587, smtps://… for TLS). */
export function createSmtpSender(smtpUrl: string, from: string): OutboxSender {
  // Well within the sending lease (10 minutes), so a slow server cannot outlast it and be sent to twice.
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  return {
    name: 'smtp',
    send: async (message) => {
      await transport.sendMail({ from, to: message.recipient, subject: message.subject ?? '', text: message.body });
    },
  };
}

/** The senders the configuration asks for: SMTP for e-mail when a server is set; SMS is only recorded (no gateway yet). */
export function createSenders(mail: Config['mail']): OutboxSenders {
  return { email: mail.smtpUrl ? createSmtpSender(mail.smtpUrl, mail.from) : recordingSender, sms: recordingSender };
}

/**
 * What went wrong, without what the message or the server's answer may contain: SMTP replies quote
 * the recipient's address, so only the error's code and the reply's status code are kept.
 */
export function describeSendError(error: unknown): string {
  const fields = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const code = typeof fields.code === 'string' && /^[A-Z_]{2,40}$/.test(fields.code) ? fields.code : 'SEND_FAILED';
  return typeof fields.responseCode === 'number' ? `${code} ${fields.responseCode}` : code;
}
