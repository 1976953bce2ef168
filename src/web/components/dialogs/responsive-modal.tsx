import { Modal, type ModalProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** A dialog that fills the screen on a phone, with its close button labelled. */
export function ResponsiveModal(props: ModalProps) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false);
  return (
    <Modal
      fullScreen={isPhone}
      centered={!isPhone}
      {...props}
      closeButtonProps={{ 'aria-label': t('common.close'), ...props.closeButtonProps }}
    />
  );
}
