import type { OutboxChannel } from '../../../shared/index.js';
import { centreTimeZone } from '../../../shared/index.js';

/** The languages reminders are written in; any other preferred language gets Czech. */
export const reminderLanguages = ['cs', 'en', 'uk', 'ru'] as const;
export type ReminderLanguage = (typeof reminderLanguages)[number];

const locales: Record<ReminderLanguage, string> = { cs: 'cs-CZ', en: 'en-GB', uk: 'uk-UA', ru: 'ru-RU' };

/** How long before the appointment the reminder goes out (sooner when booked at shorter notice). */
export const reminderLeadMs = 24 * 3_600_000;

/** What a reminder says: when, where, with whom, from which centre. */
export type ReminderFacts = {
  startsAt: Date;
  place: string | null;
  branch: { name: string; address: string | null } | null;
  counsellorName: string;
  centreName: string;
};

type Parts = { date: string; time: string; where: string; counsellor: string; centre: string };
type Texts = { subject: (p: Parts) => string; email: (p: Parts) => string; sms: (p: Parts) => string };

const line = (label: string, value: string) => (value ? `${label}: ${value}\n` : '');
const after = (value: string) => (value ? `, ${value}` : '');

const texts: Record<ReminderLanguage, Texts> = {
  cs: {
    subject: (p) => `Připomínka schůzky ${p.date} v ${p.time}`,
    email: (p) =>
      `Dobrý den,\n\npřipomínáme Vám schůzku v organizaci ${p.centre}:\n\n${p.date} v ${p.time}\n${line('Místo', p.where)}${line('Setkáte se s', p.counsellor)}\nPokud nemůžete přijít, dejte nám prosím vědět.\n\n${p.centre}\n`,
    sms: (p) =>
      `${p.centre}: připomínáme Vaši schůzku ${p.date} v ${p.time}${after(p.where)}. Pokud nemůžete přijít, dejte nám prosím vědět.`,
  },
  en: {
    subject: (p) => `Reminder: your appointment on ${p.date} at ${p.time}`,
    email: (p) =>
      `Hello,\n\nthis is a reminder of your appointment at ${p.centre}:\n\n${p.date} at ${p.time}\n${line('Place', p.where)}${line('You will meet', p.counsellor)}\nIf you cannot come, please let us know.\n\n${p.centre}\n`,
    sms: (p) =>
      `${p.centre}: a reminder of your appointment on ${p.date} at ${p.time}${after(p.where)}. If you cannot come, please let us know.`,
  },
  uk: {
    subject: (p) => `Нагадування про зустріч ${p.date} о ${p.time}`,
    email: (p) =>
      `Добрий день!\n\nНагадуємо вам про зустріч в організації ${p.centre}:\n\n${p.date} о ${p.time}\n${line('Місце', p.where)}${line('Зустріч з', p.counsellor)}\nЯкщо ви не можете прийти, будь ласка, повідомте нам.\n\n${p.centre}\n`,
    sms: (p) =>
      `${p.centre}: нагадуємо про вашу зустріч ${p.date} о ${p.time}${after(p.where)}. Якщо не можете прийти, будь ласка, повідомте нам.`,
  },
  ru: {
    subject: (p) => `Напоминание о встрече ${p.date} в ${p.time}`,
    email: (p) =>
      `Здравствуйте!\n\nНапоминаем вам о встрече в организации ${p.centre}:\n\n${p.date} в ${p.time}\n${line('Место', p.where)}${line('Встреча с', p.counsellor)}\nЕсли вы не можете прийти, пожалуйста, сообщите нам.\n\n${p.centre}\n`,
    sms: (p) =>
      `${p.centre}: напоминаем о вашей встрече ${p.date} в ${p.time}${after(p.where)}. Если не можете прийти, пожалуйста, сообщите нам.`,
  },
};

/** The reminder language for a client's preferred language (ISO 639-1), Czech when there is none we write in. */
export function reminderLanguageOf(preferred: string | null | undefined): ReminderLanguage {
  return (reminderLanguages as readonly string[]).includes(preferred ?? '') ? (preferred as ReminderLanguage) : 'cs';
}

/** The outbox key of an appointment's reminder on a channel: one current reminder per channel. */
export function reminderPurposeKey(appointmentId: string, channel: OutboxChannel): string {
  return `reminder:${appointmentId}:${channel}`;
}

/** A reminder's subject (e-mail only) and text, with the date and time as the client's language writes them in Prague time. */
export function composeReminder(channel: OutboxChannel, language: ReminderLanguage, facts: ReminderFacts) {
  const locale = locales[language];
  const parts: Parts = {
    date: new Intl.DateTimeFormat(locale, {
      timeZone: centreTimeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(facts.startsAt),
    time: new Intl.DateTimeFormat(locale, { timeZone: centreTimeZone, hour: '2-digit', minute: '2-digit' }).format(facts.startsAt),
    where: [facts.place, facts.branch?.name, facts.branch?.address].filter(Boolean).join(', '),
    counsellor: facts.counsellorName,
    centre: facts.centreName,
  };
  const text = texts[language];
  return channel === 'email' ? { subject: text.subject(parts), body: text.email(parts) } : { subject: null, body: text.sms(parts) };
}
