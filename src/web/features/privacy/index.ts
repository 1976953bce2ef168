export { useBranchScope } from './api/branch-scope.js';
export { type SensitiveChangesFilter, useSensitiveChanges } from './api/find-sensitive-changes.js';
export { BranchScopeForm } from './components/branch-scope-form.js';
export { BreakGlassForm } from './components/break-glass-form.js';
export { SensitiveChangesTable } from './components/sensitive-changes-table.js';
