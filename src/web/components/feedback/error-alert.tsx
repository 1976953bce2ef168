import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './describe-error.js';

type ErrorAlertProps = {
  error: unknown;
  /** A heading above the explanation; defaults to a general one. */
  title?: ReactNode;
  /** Replaces the generic explanation of the error code, for codes the screen knows better. */
  message?: string | null;
  children?: ReactNode;
};

/** Explains a failed request in the UI language; announced to screen readers as it appears. */
export function ErrorAlert({ error, title, message, children }: ErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={title ?? t('errors.title')}>
      {message ?? describeError(error, t)}
      {children}
    </Alert>
  );
}
