export { type Branch, useBranches } from './api/find-branches.js';
export { useUpdateBranch } from './api/update-branch.js';
export { BranchForm } from './components/branch-form.js';
export { BranchTable } from './components/branch-table.js';
