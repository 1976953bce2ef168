import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { describeIssue } from './describe-issue.js';
import { readPath, toFormPath } from './form-paths.js';

export type FormErrors = Record<string, string>;

/**
 * A Mantine form validator that checks the payload the form will send against the shared zod
 * schema, so the browser refuses exactly what the API would, with messages in the UI language.
 */
export function createSchemaValidator<Values, Payload>(schema: z.ZodType, toPayload: (values: Values) => Payload, t: TFunction) {
  return (values: Values): FormErrors => {
    const payload = toPayload(values);
    const result = schema.safeParse(payload);
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const field = toFormPath(issue.path);
      if (!field || errors[field]) continue;
      const details = issue as { minimum?: number | bigint; maximum?: number | bigint; format?: string; origin?: string };
      errors[field] = describeIssue(
        {
          field,
          code: issue.code,
          value: readPath(payload, field),
          minimum: details.minimum,
          maximum: details.maximum,
          format: details.format,
          origin: details.origin,
        },
        t,
      );
    }
    return errors;
  };
}
