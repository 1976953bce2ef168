import { Badge, Button, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProjectResponse, RegionCode } from '../../../../shared/index.js';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import { useFormat } from '../../../components/intl/use-format.js';

type ProjectTableProps = { projects: ProjectResponse[]; onEdit?: (project: ProjectResponse) => void };

/** Projects with their period, state and a summary of the target group. */
export function ProjectTable({ projects, onEdit }: ProjectTableProps) {
  const { t } = useTranslation();
  const { formatDate } = useFormat();

  const describeTargetGroup = (project: ProjectResponse) => {
    const rule = project.targetGroup;
    const parts = [
      rule.thirdCountryNationals ? t('projects.rule.thirdCountryNationalsShort') : null,
      rule.euCitizens ? t('projects.rule.euCitizensShort') : null,
      rule.ukrainiansAnyStatus ? t('projects.rule.ukrainiansShort') : null,
      rule.regionCode ? t(`region.${rule.regionCode as RegionCode}`) : t('projects.rule.anywhere'),
    ];
    return parts.filter(Boolean).join(' · ');
  };

  return (
    <ScrollTable label={t('projects.tableLabel')} minWidth={820} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('projects.code')}</Table.Th>
          <Table.Th>{t('projects.name')}</Table.Th>
          <Table.Th>{t('projects.period')}</Table.Th>
          <Table.Th>{t('projects.state')}</Table.Th>
          <Table.Th>{t('projects.targetGroup')}</Table.Th>
          {onEdit ? <Table.Th>{t('common.actions')}</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {projects.map((project) => (
          <Table.Tr key={project.id}>
            <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
              {project.code}
            </Table.Td>
            <Table.Td>
              {project.name}
              <Text size="sm" c="dimmed">
                {project.funder}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatDate(project.startsOn)} – {formatDate(project.endsOn)}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={project.active ? 'green' : 'gray'}>
                {project.active ? t('projects.activeState') : t('projects.inactiveState')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{describeTargetGroup(project)}</Text>
            </Table.Td>
            {onEdit ? (
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="default"
                  leftSection={<IconPencil size={14} aria-hidden />}
                  onClick={() => onEdit(project)}
                  aria-label={t('projects.editNamed', { code: project.code })}
                >
                  {t('common.edit')}
                </Button>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
