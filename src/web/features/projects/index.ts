export { useProjects } from './api/find-projects.js';
export { ProjectForm } from './components/project-form.js';
export { ProjectTable } from './components/project-table.js';
