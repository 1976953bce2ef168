import { createBrowserRouter, Outlet } from 'react-router';
import { LoadingState } from '../components/feedback/loading-state.js';
import { AppLayout } from './layout/app-layout.js';
import { StartPage } from './pages/home-page.js';
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
                { index: true, element: <StartPage /> },
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
                      lazy: () => import('./pages/client-record-layout.js').then((m) => ({ Component: m.ClientRecordLayout })),
                      // The sections of the record (see client-sections.ts); each area adds its own.
                      children: [
                        {
                          index: true,
                          lazy: () => import('./pages/client-detail-page.js').then((m) => ({ Component: m.ClientDetailPage })),
                        },
                        // These pages check their permission themselves: RequirePermission's outlet would not pass the
                        // open client record (useClientRecord) down to them.
                        {
                          path: 'consultations',
                          lazy: () =>
                            import('./pages/client-consultations-page.js').then((m) => ({ Component: m.ClientConsultationsPage })),
                        },
                        {
                          // The appointments area links here as consultations/new?appointment=<id>.
                          path: 'consultations/new',
                          lazy: () => import('./pages/consultation-form-page.js').then((m) => ({ Component: m.NewConsultationPage })),
                        },
                        {
                          path: 'plan',
                          lazy: () => import('./pages/client-plan-page.js').then((m) => ({ Component: m.ClientPlanPage })),
                        },
                        {
                          element: <RequirePermission permission="appointments.read" />,
                          children: [
                            {
                              path: 'appointments',
                              lazy: () =>
                                import('./pages/client-appointments-page.js').then((m) => ({ Component: m.ClientAppointmentsPage })),
                            },
                          ],
                        },
                        {
                          element: <RequirePermission permission="counselling.read" />,
                          children: [
                            {
                              path: 'documents',
                              lazy: () => import('./pages/client-documents-page.js').then((m) => ({ Component: m.ClientDocumentsPage })),
                            },
                            {
                              path: 'referrals',
                              lazy: () => import('./pages/client-referrals-page.js').then((m) => ({ Component: m.ClientReferralsPage })),
                            },
                          ],
                        },
                        {
                          element: <RequirePermission permission="counselling.read" />,
                          children: [
                            {
                              path: 'timeline',
                              lazy: () => import('./pages/client-timeline-page.js').then((m) => ({ Component: m.ClientTimelinePage })),
                            },
                          ],
                        },
                      ],
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
                  element: <RequirePermission permission="partners.read" />,
                  children: [
                    { path: 'partners', lazy: () => import('./pages/partners-page.js').then((m) => ({ Component: m.PartnersPage })) },
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
                {
                  element: <RequirePermission permission="audit.read" />,
                  children: [
                    { path: 'privacy', lazy: () => import('./pages/privacy-page.js').then((m) => ({ Component: m.PrivacyPage })) },
                  ],
                },
                {
                  element: <RequirePermission permission="tasks.manage" />,
                  children: [{ path: 'tasks', lazy: () => import('./pages/tasks-page.js').then((m) => ({ Component: m.TasksPage })) }],
                },
                {
                  element: <RequirePermission permission="counselling.read" />,
                  children: [
                    {
                      path: 'consultations',
                      lazy: () => import('./pages/consultations-page.js').then((m) => ({ Component: m.ConsultationsPage })),
                    },
                    {
                      path: 'consultations/:consultationId',
                      lazy: () => import('./pages/consultation-page.js').then((m) => ({ Component: m.ConsultationPage })),
                    },
                  ],
                },
                {
                  element: <RequirePermission permission="counselling.write" />,
                  children: [
                    {
                      path: 'consultations/anonymous/new',
                      lazy: () =>
                        import('./pages/anonymous-consultation-page.js').then((m) => ({ Component: m.AnonymousConsultationPage })),
                    },
                    {
                      path: 'consultations/:consultationId/edit',
                      lazy: () => import('./pages/consultation-form-page.js').then((m) => ({ Component: m.EditConsultationPage })),
                    },
                  ],
                },
                {
                  element: <RequirePermission permission="counselling.configure" />,
                  children: [
                    {
                      path: 'counselling/topics',
                      lazy: () => import('./pages/counselling-topics-page.js').then((m) => ({ Component: m.CounsellingTopicsPage })),
                    },
                  ],
                },
                {
                  element: <RequirePermission permission="appointments.read" />,
                  children: [
                    { path: 'calendar', lazy: () => import('./pages/calendar-page.js').then((m) => ({ Component: m.CalendarPage })) },
                    {
                      path: 'appointments/:appointmentId',
                      lazy: () => import('./pages/appointment-page.js').then((m) => ({ Component: m.AppointmentPage })),
                    },
                  ],
                },
                {
                  element: <RequirePermission permission="appointments.write" />,
                  children: [
                    {
                      path: 'appointments/new',
                      lazy: () => import('./pages/appointment-form-page.js').then((m) => ({ Component: m.AppointmentFormPage })),
                    },
                    {
                      path: 'appointments/:appointmentId/edit',
                      lazy: () => import('./pages/appointment-form-page.js').then((m) => ({ Component: m.AppointmentFormPage })),
                    },
                  ],
                },
                {
                  element: <RequirePermission permission="outbox.read" />,
                  children: [{ path: 'outbox', lazy: () => import('./pages/outbox-page.js').then((m) => ({ Component: m.OutboxPage })) }],
                },
                {
                  element: <RequirePermission permission="counselling.configure" />,
                  children: [
                    {
                      path: 'working-hours',
                      lazy: () => import('./pages/working-hours-page.js').then((m) => ({ Component: m.WorkingHoursPage })),
                    },
                  ],
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
