import {
  IconAddressBook,
  IconBriefcase,
  IconBuilding,
  IconCalendarEvent,
  IconChecklist,
  IconClock,
  IconHistory,
  IconHome,
  IconMail,
  IconMessages,
  IconSettings,
  IconShieldLock,
  IconTags,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Permission } from '../../../shared/index.js';
import type { Catalogue } from '../../i18n/catalogues.js';

/** A text of the `nav` group (each area adds its own items' labels there). */
export type NavigationLabelKey = `nav.${keyof Catalogue['nav'] & string}`;
/** A text of the `home` group describing where an item leads. */
export type HomeDescriptionKey = `home.${keyof Catalogue['home'] & string}`;

export type NavigationItem = {
  to: string;
  labelKey: NavigationLabelKey;
  /** What the start page says about the item; without it, the item is not offered there. */
  descriptionKey?: HomeDescriptionKey;
  icon: ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean }>;
  /** Without it, everyone signed in sees the item. */
  permission?: Permission;
  /** Active only on this exact path, not below it. */
  end?: boolean;
};

export const navigationItems: readonly NavigationItem[] = [
  { to: '/', labelKey: 'nav.home', icon: IconHome, end: true },
  { to: '/clients', labelKey: 'nav.clients', descriptionKey: 'home.clientsText', icon: IconUsersGroup, permission: 'clients.read' },
  {
    to: '/calendar',
    labelKey: 'nav.calendar',
    descriptionKey: 'home.calendarText',
    icon: IconCalendarEvent,
    permission: 'appointments.read',
  },
  { to: '/tasks', labelKey: 'nav.tasks', descriptionKey: 'home.tasksText', icon: IconChecklist, permission: 'tasks.manage' },
  {
    to: '/consultations',
    labelKey: 'nav.consultations',
    descriptionKey: 'home.consultationsText',
    icon: IconMessages,
    permission: 'counselling.read',
  },
  {
    to: '/counselling/topics',
    labelKey: 'nav.counsellingTopics',
    descriptionKey: 'home.counsellingTopicsText',
    icon: IconTags,
    permission: 'counselling.configure',
  },
  {
    to: '/working-hours',
    labelKey: 'nav.workingHours',
    descriptionKey: 'home.workingHoursText',
    icon: IconClock,
    permission: 'counselling.configure',
  },
  { to: '/outbox', labelKey: 'nav.outbox', descriptionKey: 'home.outboxText', icon: IconMail, permission: 'outbox.read' },
  { to: '/partners', labelKey: 'nav.partners', descriptionKey: 'home.partnersText', icon: IconAddressBook, permission: 'partners.read' },
  { to: '/projects', labelKey: 'nav.projects', descriptionKey: 'home.projectsText', icon: IconBriefcase, permission: 'projects.read' },
  { to: '/users', labelKey: 'nav.users', descriptionKey: 'home.usersText', icon: IconUsers, permission: 'users.manage' },
  { to: '/branches', labelKey: 'nav.branches', descriptionKey: 'home.branchesText', icon: IconBuilding, permission: 'branches.manage' },
  { to: '/settings', labelKey: 'nav.settings', descriptionKey: 'home.settingsText', icon: IconSettings, permission: 'settings.manage' },
  { to: '/audit', labelKey: 'nav.audit', descriptionKey: 'home.auditText', icon: IconHistory, permission: 'audit.read' },
  { to: '/privacy', labelKey: 'nav.privacy', descriptionKey: 'home.privacyText', icon: IconShieldLock, permission: 'audit.read' },
  { to: '/account', labelKey: 'nav.account', descriptionKey: 'home.accountText', icon: IconUserCircle },
];
