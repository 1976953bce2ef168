import { createBrowserRouter, Outlet } from 'react-router';
import { LoadingState } from '../components/feedback/loading-state.js';
import { AppLayout } from './layout/app-layout.js';
import { HomePage } from './pages/home-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { RouteErrorPage } from './pages/route-error-page.js';
import { SetupPage } from './pages/setup-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { RequirePermission } from './session/require-permission.js';
import { SessionGuard, twoFactorSetupPath } from './session/session-guard.js';

/** The routes of the staff application; page modules load on first visit. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Outlet />,
      errorElement: <RouteErrorPage />,
      hydrateFallbackElement: <LoadingState minHeight="100vh" />,
      children: [
        { path: '/setup', element: <SetupPage /> },
        { path: '/sign-in', element: <SignInPage /> },
        {
          element: <SessionGuard />,
          children: [
            {
              element: <AppLayout />,
              errorElement: <RouteErrorPage />,
              children: [
                { index: true, element: <HomePage /> },
                {
                  path: twoFactorSetupPath,
                  lazy: () => import('./pages/two-factor-setup-page.js').then((m) => ({ Component: m.TwoFactorSetupPage })),
                },
                { path: 'account', lazy: () => import('./pages/account-page.js').then((m) => ({ Component: m.AccountPage })) },
                {
                  element: <RequirePermission permission="clients.read" />,
                  children: [
                    { path: 'clients', lazy: () => import('./pages/clients-page.js').then((m) => ({ Component: m.ClientsPage })) },
                    {
                      path: 'clients/:clientId',
                      lazy: () => import('./pages/client-detail-page.js').then((m) => ({ Component: m.ClientDetailPage })),
                    },
                  ],
                },
                {
                  element: <RequirePermission permission="clients.write" />,
                  children: [
                    {
                      path: 'clients/new',
                      lazy: () => import('./pages/client-create-page.js').then((m) => ({ Component: m.ClientCreatePage })),
                    },
                    {
                      path: 'clients/:clientId/edit',
                      lazy: () => import('./pages/client-edit-page.js').then((m) => ({ Component: m.ClientEditPage })),
                    },
                  ],
                },
                {
                  element: <RequirePermission permission="clients.merge" />,
                  children: [
                    {
                      path: 'clients/:clientId/merge',
                      lazy: () => import('./pages/client-merge-page.js').then((m) => ({ Component: m.ClientMergePage })),
                    },
                  ],
                },
                {
                  element: <RequirePermission permission="projects.read" />,
                  children: [
                    { path: 'projects', lazy: () => import('./pages/projects-page.js').then((m) => ({ Component: m.ProjectsPage })) },
                  ],
                },
                {
                  element: <RequirePermission permission="users.manage" />,
                  children: [{ path: 'users', lazy: () => import('./pages/users-page.js').then((m) => ({ Component: m.UsersPage })) }],
                },
                {
                  element: <RequirePermission permission="branches.manage" />,
                  children: [
                    { path: 'branches', lazy: () => import('./pages/branches-page.js').then((m) => ({ Component: m.BranchesPage })) },
                  ],
                },
                {
                  element: <RequirePermission permission="settings.manage" />,
                  children: [
                    { path: 'settings', lazy: () => import('./pages/settings-page.js').then((m) => ({ Component: m.SettingsPage })) },
                  ],
                },
                {
                  element: <RequirePermission permission="audit.read" />,
                  children: [{ path: 'audit', lazy: () => import('./pages/audit-page.js').then((m) => ({ Component: m.AuditPage })) }],
                },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
