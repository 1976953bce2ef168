import { Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaleVersionDetails } from '../../../shared/index.js';
import { ScrollTable } from '../data/scroll-table.js';
import { useFormat } from '../intl/use-format.js';
import { ResponsiveModal } from './responsive-modal.js';

/** One field the other person changed: its label, the value saved now and the value in the user's form. */
export type StaleFieldRow = { field: string; label: string; saved: string; mine: string };

type StaleVersionDialogProps = {
  /** The 412 answer's details: who changed the record and when; null keeps the dialog closed. */
  details: StaleVersionDetails | null;
  /** The fields that differ between the version the user loaded and the one saved now. */
  rows: StaleFieldRow[];
  onClose: () => void;
};

/**
 * Says that someone else saved the record while the user was editing it (412 STALE_VERSION): who
 * and when, each changed field with the value saved now beside the user's, and that the user's edits
 * stay in the form to be saved again over the new version.
 */
export function StaleVersionDialog({ details, rows, onClose }: StaleVersionDialogProps) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormat();
  const people = new Map<string, { name: string; at: string }>();
  for (const change of details?.changes ?? []) {
    const name = change.by?.name || t('staleVersion.someone');
    const previous = people.get(name);
    if (!previous || previous.at < change.at) people.set(name, { name, at: change.at });
  }
  return (
    <ResponsiveModal opened={details !== null} onClose={onClose} title={t('staleVersion.title')} size="lg">
      <Stack gap="md">
        <Text>{t('staleVersion.intro')}</Text>
        {people.size > 0 ? (
          <List>
            {[...people.values()].map((person) => (
              <List.Item key={person.name}>{t('staleVersion.changedBy', { name: person.name, time: formatDateTime(person.at) })}</List.Item>
            ))}
          </List>
        ) : null}
        {rows.length > 0 ? (
          <ScrollTable label={t('staleVersion.title')} minWidth={420}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staleVersion.field')}</Table.Th>
                <Table.Th scope="col">{t('staleVersion.savedValue')}</Table.Th>
                <Table.Th scope="col">{t('staleVersion.yourValue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.field}>
                  <Table.Th scope="row">{row.label}</Table.Th>
                  <Table.Td>{row.saved || t('staleVersion.notShown')}</Table.Td>
                  <Table.Td>{row.mine || t('staleVersion.notShown')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : (
          <Text>{t('staleVersion.noDetails')}</Text>
        )}
        <Text fw={500}>{t('staleVersion.kept')}</Text>
        <Group justify="flex-end">
          <Button data-autofocus onClick={onClose}>
            {t('staleVersion.backToForm')}
          </Button>
        </Group>
      </Stack>
    </ResponsiveModal>
  );
}
