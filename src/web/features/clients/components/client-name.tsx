import { Text } from '@mantine/core';

type NamedClient = {
  givenName: string;
  familyName: string;
  givenNameNative?: string | null;
  familyNameNative?: string | null;
};

/** "SHEVCHENKO Oleksandr": the family name in capitals, as on Czech forms. */
export function formatClientName(client: NamedClient): string {
  return `${client.familyName.toLocaleUpperCase()} ${client.givenName}`;
}

/** "Шевченко Олександр", or null when no native-script name is recorded. */
export function formatNativeName(client: NamedClient): string | null {
  const native = [client.familyNameNative, client.givenNameNative].filter(Boolean).join(' ');
  return native || null;
}

/** The passport name with the native-script name beside it. */
export function ClientName({ client, withNative = true }: { client: NamedClient; withNative?: boolean }) {
  const native = withNative ? formatNativeName(client) : null;
  return (
    <>
      {formatClientName(client)}
      {native ? (
        <Text span c="dimmed" inherit fw={400} ml={8}>
          {native}
        </Text>
      ) : null}
    </>
  );
}
