import type { ListAuditQuery, UiLanguage } from '../../../../shared/index.js';

/**
 * The address of the CSV export of the trail with these filters (paging left out: the export holds
 * every matching entry). The browser downloads it itself, so a long trail is never held in memory.
 */
export function auditExportUrl(query: Partial<ListAuditQuery>, lang: UiLanguage): string {
  const params = new URLSearchParams();
  for (const key of ['actorId', 'clientId', 'clientNumber', 'action', 'from', 'to'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  params.set('lang', lang);
  return `/api/audit/export.csv?${params}`;
}
