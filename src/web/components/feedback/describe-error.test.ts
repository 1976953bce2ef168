import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import cs from '../../i18n/locales/cs.json' with { type: 'json' };
import { ApiError } from '../api/api-error.js';
import { describeError } from './describe-error.js';

let t: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'cs', resources: { cs: { translation: cs } }, interpolation: { escapeValue: false } });
  t = instance.t;
});

describe('describeError', () => {
  it('says when a limit of failed attempts ends, in whole minutes', () => {
    const limited = (seconds: number) => new ApiError(429, 'RATE_LIMITED', 'Too many', { retryAfterSeconds: seconds });
    expect(describeError(limited(30), t)).toBe(cs.errors.RATE_LIMITED_FOR.replace('{{minutes}}', '1'));
    expect(describeError(limited(14 * 60 + 1), t)).toBe(cs.errors.RATE_LIMITED_FOR.replace('{{minutes}}', '15'));
    expect(describeError(new ApiError(429, 'RATE_LIMITED', 'Too many'), t)).toBe(cs.errors.RATE_LIMITED);
  });
});
