import { notifications } from '@mantine/notifications';
import { i18n } from '../../i18n/i18n.js';

/** A short confirmation that something was saved. */
export function showSuccess(message: string): void {
  notifications.show({
    color: 'green',
    message,
    autoClose: 4000,
    withBorder: true,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

/** A failure that happened away from any form, e.g. saving the language in the background. */
export function showFailure(title: string, message: string): void {
  notifications.show({
    color: 'red',
    title,
    message,
    autoClose: 8000,
    withBorder: true,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
