import { Readable } from 'node:stream';
import { centreTimeZone, type FieldChange, type UiLanguage } from '../../../shared/index.js';

/** One exported entry: what the audit page shows of it, and the actor's id. */
export type AuditCsvItem = {
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  client: { id: string; clientNumber: string | null; name: string | null } | null;
  listed: { count: number; includesClient: boolean | null } | null;
  entityName: string | null;
  changes: FieldChange[];
  details: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
};

const columns = [
  'time',
  'staff',
  'staffId',
  'action',
  'recordType',
  'recordId',
  'recordName',
  'clientNumber',
  'clientName',
  'clientsListed',
  'clientListed',
  'changedFields',
  'details',
  'requestId',
  'address',
] as const;
type Column = (typeof columns)[number];

/** Column headings in the reader's language; the values stay as the trail stores them (action codes, ids). */
const headings: Record<UiLanguage, Record<Column, string>> = {
  cs: {
    time: 'Čas (Praha)',
    staff: 'Pracovník',
    staffId: 'ID pracovníka',
    action: 'Akce',
    recordType: 'Druh záznamu',
    recordId: 'ID záznamu',
    recordName: 'Jméno pracovníka záznamu',
    clientNumber: 'Číslo klienta',
    clientName: 'Jméno klienta',
    clientsListed: 'Vrácených klientů',
    clientListed: 'Mezi nimi filtrovaný klient',
    changedFields: 'Změněná pole',
    details: 'Podrobnosti',
    requestId: 'ID požadavku',
    address: 'Adresa',
  },
  en: {
    time: 'Time (Prague)',
    staff: 'Staff member',
    staffId: 'Staff id',
    action: 'Action',
    recordType: 'Record type',
    recordId: 'Record id',
    recordName: 'Staff member of the record',
    clientNumber: 'Client number',
    clientName: 'Client name',
    clientsListed: 'Clients returned',
    clientListed: 'Filtered client among them',
    changedFields: 'Changed fields',
    details: 'Details',
    requestId: 'Request id',
    address: 'Address',
  },
  uk: {
    time: 'Час (Прага)',
    staff: 'Працівник',
    staffId: 'ID працівника',
    action: 'Дія',
    recordType: 'Тип запису',
    recordId: 'ID запису',
    recordName: 'Працівник, якого стосується запис',
    clientNumber: 'Номер клієнта',
    clientName: 'Імʼя клієнта',
    clientsListed: 'Повернено клієнтів',
    clientListed: 'Серед них відфільтрований клієнт',
    changedFields: 'Змінені поля',
    details: 'Подробиці',
    requestId: 'ID запиту',
    address: 'Адреса',
  },
};

const yesNo: Record<UiLanguage, [string, string]> = { cs: ['ano', 'ne'], en: ['yes', 'no'], uk: ['так', 'ні'] };

const pragueTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: centreTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * One CSV cell, quoted. A value a spreadsheet would read as a formula (starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return) gets a leading apostrophe, so a name typed as `=HYPERLINK(…)` stays
 * text when the file is opened in Excel or LibreOffice.
 */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

const csvLine = (cells: (string | number | null | undefined)[]) => `${cells.map(csvCell).join(',')}\r\n`;

function rowOf(item: AuditCsvItem, lang: UiLanguage, withNames: boolean, clientFilter: boolean): string {
  const [yes, no] = yesNo[lang];
  const cells: Record<Column, string | number | null> = {
    time: pragueTime.format(new Date(item.at)),
    staff: item.actor?.name ?? null,
    staffId: item.actor?.id ?? null,
    action: item.action,
    recordType: item.entityType,
    recordId: item.entityId,
    recordName: item.entityName,
    clientNumber: item.client?.clientNumber ?? item.client?.id ?? null,
    clientName: item.client?.name ?? null,
    clientsListed: item.listed?.count ?? null,
    clientListed: item.listed?.includesClient === true ? yes : item.listed?.includesClient === false ? no : null,
    changedFields: item.changes.map((c) => c.field).join('; ') || null,
    details: item.details ? JSON.stringify(item.details) : null,
    requestId: item.requestId,
    address: item.ip,
  };
  return csvLine(shownColumns(withNames, clientFilter).map((column) => cells[column]));
}

/** Names only for those who may read clients; whether the filtered client was listed only with a client filter. */
function shownColumns(withNames: boolean, clientFilter: boolean): Column[] {
  return columns.filter((c) => (c !== 'clientName' || withNames) && (c !== 'clientListed' || clientFilter));
}

/**
 * The export as a stream: a UTF-8 byte order mark (Excel then reads the file as UTF-8), the headings
 * in the reader's language, and one line per entry as the pages arrive.
 */
export function auditCsv(lang: UiLanguage, withNames: boolean, clientFilter: boolean, pages: AsyncIterable<AuditCsvItem[]>): Readable {
  async function* lines() {
    yield `\uFEFF${csvLine(shownColumns(withNames, clientFilter).map((c) => headings[lang][c]))}`;
    for await (const page of pages) yield page.map((item) => rowOf(item, lang, withNames, clientFilter)).join('');
  }
  return Readable.from(lines());
}
