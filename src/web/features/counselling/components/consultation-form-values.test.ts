import { describe, expect, it } from 'vitest';
import { createConsultationInput } from '../../../../shared/index.js';
import { toConsultationFormValues, toConsultationPayload, toFactsPayload, toProfilePayload } from './consultation-form-values.js';

const now = new Date('2026-03-16T12:00:00Z');
const fromAppointment = {
  startedAt: '2026-07-01T07:30:00.000Z',
  durationMinutes: 75,
  interpreterLanguage: 'vi',
  appointmentId: '6f1d2c1e-4f0a-4a57-9a55-3d8d5c1b2a10',
  projectId: null,
  branchId: null,
  kind: 'social' as const,
};

describe('the consultation form', () => {
  it('starts from the appointment: its day and time in Prague, its length and interpreter language', () => {
    const values = toConsultationFormValues({ defaults: fromAppointment }, now);
    expect(values).toMatchObject({
      date: '2026-07-01',
      time: '09:30',
      durationMinutes: 75,
      interpreter: { language: 'vi', kind: 'partner' },
    });
  });

  it('starts with the kind the server chose for who records it (legal for a legal counsellor)', () => {
    expect(toConsultationFormValues({ defaults: { ...fromAppointment, kind: 'legal' } }, now).kind).toBe('legal');
    expect(toConsultationFormValues({ defaults: fromAppointment }, now).kind).toBe('social');
  });

  it('starts a consultation without an appointment today, with the time left to fill in', () => {
    const values = toConsultationFormValues({ defaults: null }, now);
    expect(values).toMatchObject({ date: '2026-03-16', time: '', durationMinutes: '', form: 'in_person', kind: 'social', topics: [] });
    expect(toFactsPayload(values).startedAt).toBeUndefined();
  });

  it('sends the day and time as the instant in Prague, winter and summer, and no interpreter without a language', () => {
    const winter = { ...toConsultationFormValues({ defaults: null }, now), time: '09:30', durationMinutes: 45, topics: ['housing'] };
    const payload = toConsultationPayload({ ...winter, interpreter: { language: null, kind: 'staff' }, notes: '  ' });
    expect(payload).toMatchObject({ startedAt: '2026-03-16T08:30:00.000Z', interpreter: null, notes: null });
    expect(createConsultationInput.safeParse(payload).success).toBe(true);
    const summer = toFactsPayload({ ...winter, date: '2026-07-01' });
    expect(summer.startedAt).toBe('2026-07-01T07:30:00.000Z');
  });

  it('leaves unchosen parts of the anonymous profile out, and an unknown citizenship as null', () => {
    const values = toConsultationFormValues({ defaults: null }, now);
    expect(
      toProfilePayload({ ...values, anonymousProfile: { sex: 'female', ageBand: null, citizenship: null, residenceCategory: 'asylum' } }),
    ).toEqual({
      sex: 'female',
      ageBand: undefined,
      citizenship: null,
      residenceCategory: 'asylum',
    });
  });
});
