import { describe, expect, it } from 'vitest';
import { coversReferral, referralStatuses, referralTransitions } from './partners.js';

describe('consent for a referral', () => {
  const consent = { purpose: 'sharing_with_partners', givenOn: '2026-03-01', withdrawnOn: null };

  it('covers a referral dated on or after the day it was given', () => {
    expect(coversReferral(consent, '2026-03-01', '2026-03-05')).toBe(true);
    expect(coversReferral(consent, '2026-03-04', '2026-03-05')).toBe(true);
    expect(coversReferral(consent, '2026-02-28', '2026-03-05')).toBe(false);
  });

  it('covers nothing new once withdrawn, whatever the referral is dated', () => {
    const withdrawn = { ...consent, withdrawnOn: '2026-03-10' };
    expect(coversReferral(withdrawn, '2026-03-05', '2026-03-09')).toBe(true);
    expect(coversReferral(withdrawn, '2026-03-05', '2026-03-10')).toBe(false);
    expect(coversReferral(withdrawn, '2026-03-05', '2026-04-01')).toBe(false);
  });

  it('counts only consent to sharing with partners', () => {
    expect(coversReferral({ ...consent, purpose: 'data_processing' }, '2026-03-04', '2026-03-05')).toBe(false);
  });
});

describe('referral statuses', () => {
  it('moves only forward, and the final statuses go nowhere', () => {
    for (const status of referralStatuses) expect(referralTransitions[status]).not.toContain(status);
    expect(referralTransitions.accepted).not.toContain('sent');
    expect(referralTransitions.completed).toEqual([]);
    expect(referralTransitions.declined).toEqual([]);
    expect(referralTransitions.cancelled).toEqual([]);
  });
});
