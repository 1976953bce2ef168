import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AppointmentResponse, toCentreDate } from '../../../../shared/index.js';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { AppointmentStatusBadge } from './appointment-status-badge.js';
import { formatTimeRange } from './appointment-text.js';

/** A client's appointments: when (a link to each), with whom, where, why and how it went. */
export function ClientAppointmentTable({ appointments }: { appointments: readonly AppointmentResponse[] }) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();
  return (
    <ScrollTable label={t('appointments.clientListLabel')} minWidth={640}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('appointments.when')}</Table.Th>
          <Table.Th scope="col">{t('appointments.counsellor')}</Table.Th>
          <Table.Th scope="col">{t('appointments.branch')}</Table.Th>
          <Table.Th scope="col">{t('appointments.purpose')}</Table.Th>
          <Table.Th scope="col">{t('appointments.statusLabel')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {appointments.map((appointment) => (
          <Table.Tr key={appointment.id}>
            <Table.Td>
              <Anchor component={Link} to={`/appointments/${appointment.id}`}>
                {formatDate(toCentreDate(new Date(appointment.startsAt)))} {formatTimeRange(appointment)}
              </Anchor>
            </Table.Td>
            <Table.Td>{appointment.staff.name}</Table.Td>
            <Table.Td>{appointment.branch?.name ?? '—'}</Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2}>
                {appointment.purpose ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <AppointmentStatusBadge status={appointment.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
