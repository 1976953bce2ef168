import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import 'dayjs/locale/cs';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/uk';
import { useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { i18n } from '../i18n/i18n.js';
import { createQueryClient } from './query-client.js';
import { createAppRouter } from './router.js';
import { cssVariablesResolver, theme } from './theme.js';

const dayjsLocales: Record<string, string> = { cs: 'cs', en: 'en-gb', uk: 'uk' };

/** Calendar pickers follow the UI language; weeks start on Monday as in Czechia. */
function LocalisedDates({ children }: { children: React.ReactNode }) {
  const { i18n: instance } = useTranslation();
  return <DatesProvider settings={{ locale: dayjsLocales[instance.language] ?? 'cs', firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
        <LocalisedDates>
          <QueryClientProvider client={queryClient}>
            <Notifications position="top-right" transitionDuration={0} />
            <RouterProvider router={router} />
          </QueryClientProvider>
        </LocalisedDates>
      </MantineProvider>
    </I18nextProvider>
  );
}
