import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PaginationBar } from '../../components/data/pagination-bar.js';
import { EmptyState } from '../../components/feedback/empty-state.js';
import { ErrorAlert } from '../../components/feedback/error-alert.js';
import { LoadingState } from '../../components/feedback/loading-state.js';
import { SectionCard } from '../../components/layout/section-card.js';
import { ClientAppointmentTable, useClientAppointments } from '../../features/appointments/index.js';
import { useCan } from '../session/session-context.js';
import { useClientRecord } from './client-record-layout.js';

/** The "Appointments" section of a client's record: past and coming appointments, and booking the next. */
export function ClientAppointmentsPage() {
  const { t } = useTranslation();
  const client = useClientRecord();
  const canBook = useCan('appointments.write');
  const [paging, setPaging] = useState({ limit: 25, offset: 0 });
  const appointments = useClientAppointments(client.id, paging);

  return (
    <SectionCard
      title={t('clientSections.appointments')}
      actions={
        canBook && !client.archived ? (
          <Button component={Link} to={`/appointments/new?clientId=${client.id}`} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('appointments.bookAppointment')}
          </Button>
        ) : null
      }
    >
      {appointments.isError ? <ErrorAlert error={appointments.error} /> : null}
      {appointments.isPending ? (
        <LoadingState />
      ) : appointments.data && appointments.data.items.length === 0 ? (
        <EmptyState>{t('appointments.noneForClient')}</EmptyState>
      ) : appointments.data ? (
        <div aria-busy={appointments.isFetching}>
          <ClientAppointmentTable appointments={appointments.data.items} />
          <PaginationBar
            total={appointments.data.total}
            limit={paging.limit}
            offset={paging.offset}
            onOffsetChange={(offset) => setPaging((current) => ({ ...current, offset }))}
            onLimitChange={(limit) => setPaging({ limit, offset: 0 })}
          />
        </div>
      ) : null}
    </SectionCard>
  );
}
