export { useFindAuditEvents } from './api/find-audit-events.js';
export { AuditFilters } from './components/audit-filters.js';
export { AuditTable } from './components/audit-table.js';
export { useAuditListState } from './components/use-audit-list-state.js';
export { describeAction, describeField } from './components/describe-change.js';
export { AuditExportButton } from './components/audit-export-button.js';
