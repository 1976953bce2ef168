import type { TFunction } from 'i18next';
import type { ApiError } from '../api/api-error.js';
import { describeIssue } from './describe-issue.js';
import { readPath, toFormPath } from './form-paths.js';

type FormWithErrors = { setFieldError: (path: string, error: string) => void; getValues: () => unknown };

/**
 * Shows the API's validation details next to the fields they name (`body.address.postcode` →
 * the postcode field). Returns false when the error named no field the form has, so the caller
 * shows it as a general message instead.
 */
export function applyApiErrors(form: FormWithErrors, error: ApiError, t: TFunction, knownFields?: readonly string[]): boolean {
  if (error.code !== 'VALIDATION_FAILED') return false;
  const values = form.getValues();
  let applied = false;
  for (const issue of error.fieldIssues) {
    const field = toFormPath(issue.field);
    if (!field || (knownFields && !knownFields.includes(field))) continue;
    form.setFieldError(field, describeIssue({ field, code: issue.code, value: readPath(values, field) }, t));
    applied = true;
  }
  return applied;
}
