import {
  IconBriefcase,
  IconBuilding,
  IconHistory,
  IconHome,
  IconSettings,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Permission } from '../../../shared/index.js';

export type NavigationItem = {
  to: string;
  labelKey: 'nav.home' | 'nav.clients' | 'nav.projects' | 'nav.users' | 'nav.branches' | 'nav.settings' | 'nav.audit' | 'nav.account';
  icon: ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean }>;
  /** Without it, everyone signed in sees the item. */
  permission?: Permission;
  /** Active only on this exact path, not below it. */
  end?: boolean;
};

export const navigationItems: readonly NavigationItem[] = [
  { to: '/', labelKey: 'nav.home', icon: IconHome, end: true },
  { to: '/clients', labelKey: 'nav.clients', icon: IconUsersGroup, permission: 'clients.read' },
  { to: '/projects', labelKey: 'nav.projects', icon: IconBriefcase, permission: 'projects.read' },
  { to: '/users', labelKey: 'nav.users', icon: IconUsers, permission: 'users.manage' },
  { to: '/branches', labelKey: 'nav.branches', icon: IconBuilding, permission: 'branches.manage' },
  { to: '/settings', labelKey: 'nav.settings', icon: IconSettings, permission: 'settings.manage' },
  { to: '/audit', labelKey: 'nav.audit', icon: IconHistory, permission: 'audit.read' },
  { to: '/account', labelKey: 'nav.account', icon: IconUserCircle },
];
