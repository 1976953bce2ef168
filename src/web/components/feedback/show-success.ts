import { notifications } from '@mantine/notifications';

/** A short confirmation that something was saved. */
export function showSuccess(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 4000, withBorder: true });
}
