import { Anchor, Badge, Box, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ClientListItem, toCentreDate } from '../../../../shared/index.js';
import { ScrollTable } from '../../../components/data/scroll-table.js';
import { SortableHeader } from '../../../components/data/sortable-header.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { formatClientName, formatNativeName } from './client-name.js';
import { MatchReasons } from './match-reasons.js';
import { ResidenceLabel } from './residence-label.js';
import type { ClientListState, ClientSortField } from './use-client-list-state.js';

type ClientTableProps = {
  /** With a search, each client carries why it matched; the reasons show under the name. */
  clients: ClientListItem[];
  state: ClientListState;
  onSort: (sort: ClientSortField, order: 'asc' | 'desc') => void;
  branchNames: ReadonlyMap<string, string>;
};

/** The client list; each name links to the client's record. */
export function ClientTable({ clients, state, onSort, branchNames }: ClientTableProps) {
  const { t } = useTranslation();
  const { formatDate, formatCountry } = useFormat();
  const today = toCentreDate(new Date());

  const header = (field: ClientSortField, label: string) => (
    <SortableHeader
      sorted={state.sort === field ? state.order : null}
      onSort={() => onSort(field, state.sort === field && state.order === 'asc' ? 'desc' : 'asc')}
    >
      {label}
    </SortableHeader>
  );

  return (
    <ScrollTable label={t('clients.tableLabel')} minWidth={860} striped>
      <Table.Thead>
        <Table.Tr>
          {header('clientNumber', t('clients.number'))}
          {header('familyName', t('clients.name'))}
          {header('dateOfBirth', t('clients.dateOfBirth'))}
          <Table.Th>{t('clients.citizenship')}</Table.Th>
          <Table.Th>{t('clients.residence')}</Table.Th>
          <Table.Th>{t('clients.branch')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {clients.map((client) => {
          const native = formatNativeName(client);
          return (
            <Table.Tr key={client.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{client.clientNumber}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/clients/${client.id}`} fw={600}>
                  {formatClientName(client)}
                </Anchor>
                {native ? (
                  <Text span c="dimmed" size="sm" ml={6}>
                    {native}
                  </Text>
                ) : null}
                {client.archived ? (
                  <Badge ml={6} size="sm" variant="light" color="gray">
                    {t('clients.archived')}
                  </Badge>
                ) : null}
                {client.match?.reasons.length ? (
                  <Box mt={4} aria-label={t('clients.matchedBy')} role="group">
                    <MatchReasons reasons={client.match.reasons} />
                  </Box>
                ) : null}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(client.dateOfBirth)}</Table.Td>
              <Table.Td>{client.citizenships.map(formatCountry).join(', ')}</Table.Td>
              <Table.Td>
                <ResidenceLabel residence={client.residence} today={today} />
              </Table.Td>
              <Table.Td>{client.branchId ? (branchNames.get(client.branchId) ?? '') : ''}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollTable>
  );
}
