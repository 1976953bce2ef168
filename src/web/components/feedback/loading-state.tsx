import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner with a spoken label while something loads. */
export function LoadingState({ minHeight = 160 }: { minHeight?: number | string }) {
  const { t } = useTranslation();
  return (
    <Center mih={minHeight} role="status" aria-live="polite">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
