import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A spinner with a spoken label while something loads. The label is text in the status region:
 * an `aria-label` on the spinner itself (a plain span) is not allowed and is not read out.
 */
export function LoadingState({ minHeight = 160 }: { minHeight?: number | string }) {
  const { t } = useTranslation();
  return (
    <Center mih={minHeight} role="status" aria-live="polite">
      <Loader aria-hidden />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </Center>
  );
}
