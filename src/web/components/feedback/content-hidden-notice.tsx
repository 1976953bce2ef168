import { Alert, Group, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Said in place of a record's content when the reader's role does not read it (decision 022): that
 * the record exists is shown, its content is not. `inline` for a line in a list.
 */
export function ContentHiddenNotice({ inline = false }: { inline?: boolean }) {
  const { t } = useTranslation();
  if (inline) {
    return (
      <Group gap={4} wrap="nowrap">
        <IconLock size={14} aria-hidden />
        <Text size="sm" c="dimmed" fs="italic">
          {t('privacy.contentHidden')}
        </Text>
      </Group>
    );
  }
  return (
    <Alert variant="light" color="gray" icon={<IconLock aria-hidden />} title={t('privacy.contentHidden')}>
      {t('privacy.contentHiddenText')}
    </Alert>
  );
}
