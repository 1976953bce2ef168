import type { Permission } from '../../../shared/index.js';
import type { Catalogue } from '../../i18n/catalogues.js';

/** A text of the `clientSections` group (each area labels its own section there). */
export type ClientSectionLabelKey = `clientSections.${keyof Catalogue['clientSections'] & string}`;

export type ClientSection = {
  /** The path below `/clients/:clientId`; '' is the overview. */
  path: string;
  labelKey: ClientSectionLabelKey;
  permission: Permission;
};

/** The sections of a client's record, in the order the record shows them. */
export const clientSections: readonly ClientSection[] = [
  { path: '', labelKey: 'clientSections.overview', permission: 'clients.read' },
  { path: 'consultations', labelKey: 'clientSections.consultations', permission: 'counselling.read' },
  { path: 'plan', labelKey: 'clientSections.plan', permission: 'counselling.read' },
  { path: 'appointments', labelKey: 'clientSections.appointments', permission: 'appointments.read' },
  { path: 'documents', labelKey: 'clientSections.documents', permission: 'counselling.read' },
  { path: 'referrals', labelKey: 'clientSections.referrals', permission: 'counselling.read' },
  { path: 'timeline', labelKey: 'clientSections.timeline', permission: 'counselling.read' },
];
