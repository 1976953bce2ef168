import { useWindowEvent } from '@mantine/hooks';
import { type ReactElement, type RefObject, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from '../dialogs/confirm-dialog.js';

/**
 * Leaving a form with unsaved changes asks first, inside the app and when the tab is closed. Set
 * `leaving.current` before navigating away on purpose (after saving); render `dialog` in the form.
 */
export function useUnsavedChangesGuard(isDirty: () => boolean): { leaving: RefObject<boolean>; dialog: ReactElement } {
  const { t } = useTranslation();
  const leaving = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => !leaving.current && isDirty() && currentLocation.pathname !== nextLocation.pathname,
  );
  useWindowEvent('beforeunload', (event) => {
    if (!leaving.current && isDirty()) event.preventDefault();
  });
  const dialog = (
    <ConfirmDialog
      opened={blocker.state === 'blocked'}
      title={t('clients.leaveTitle')}
      message={t('clients.leaveText')}
      confirmLabel={t('clients.leave')}
      danger
      onConfirm={() => blocker.proceed?.()}
      onClose={() => blocker.reset?.()}
    />
  );
  return { leaving, dialog };
}
