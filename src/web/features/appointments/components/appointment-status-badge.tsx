import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppointmentStatus } from '../../../../shared/index.js';

const colours: Record<AppointmentStatus, string> = { booked: 'blue', attended: 'green', no_show: 'orange', cancelled: 'gray' };

/** An appointment's status as a coloured label. */
export function AppointmentStatusBadge({ status }: { status: AppointmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" variant="light" color={colours[status]} tt="none" radius="sm">
      {t(`appointments.status.${status}`)}
    </Badge>
  );
}
