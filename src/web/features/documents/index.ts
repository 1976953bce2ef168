export { DocumentsSection } from './components/documents-section.js';
export type { ConsultationFieldProps } from './components/upload-document-dialog.js';
