export { useMyDay } from './api/get-my-day.js';
export { useFindTasks } from './api/find-tasks.js';
export { PermitList } from './components/permit-list.js';
export { TaskDialog } from './components/task-dialog.js';
export { type TaskFilterState, TaskFilters, toTaskQuery } from './components/task-filters.js';
export { TaskList } from './components/task-list.js';
