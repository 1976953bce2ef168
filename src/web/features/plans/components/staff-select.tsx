import type { SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import type { StaffReference } from '../../../../shared/index.js';
import { SelectField } from '../../../components/forms/select-field.js';
import { useResponsibleStaff } from '../api/find-responsible-staff.js';

type ResponsibleSelectProps = Omit<SelectProps, 'data'> & {
  /** The person responsible now, offered even when no longer on the list (deactivated). */
  current?: StaffReference | null;
};

/** Chooses a person responsible for a plan or a goal among the staff who may write counselling records. */
export function ResponsibleSelect({ current, ...props }: ResponsibleSelectProps) {
  const staff = useResponsibleStaff();
  const data = useMemo(() => {
    const options = (staff.data?.items ?? []).map((member) => ({ value: member.id, label: member.name }));
    if (current && !options.some((option) => option.value === current.id)) options.unshift({ value: current.id, label: current.name });
    return options;
  }, [staff.data, current]);
  return <SelectField searchable clearable {...props} data={data} />;
}
