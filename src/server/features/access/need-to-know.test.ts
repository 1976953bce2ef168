import { describe, expect, it } from 'vitest';
import { type Role, toCentreDate } from '../../../shared/index.js';
import { auditEventsThroughApi, createClientThroughApi, staffOf, uniqueWord } from '../../testing/factories.js';
import { createTestApp } from '../../testing/harness.js';

/** Decision 022: who reads the content of consultations, plans, referrals, the timeline and tasks. */
describe('need-to-know: the content of counselling records', async () => {
  const t = await createTestApp();
  const social = await staffOf(t, 'social_counsellor');
  const legal = await staffOf(t, 'legal_counsellor');
  const coordinator = await staffOf(t, 'coordinator');
  const receptionist = await staffOf(t, 'receptionist');
  const dpo = await staffOf(t, 'dpo');
  const today = toCentreDate(new Date());
  const cookieOf = async (role: Role) => (await staffOf(t, role)).cookie;
  const readers = ['social_counsellor', 'legal_counsellor', 'coordinator', 'receptionist', 'dpo'] as const;

  const get = async (url: string, role: Role, query: Record<string, string> = {}) => {
    const response = await t.request({ method: 'GET', url, cookie: await cookieOf(role), query });
    expect(response.statusCode, `${role} ${url} ${response.body}`).toBe(200);
    return response.json();
  };
  const post = async (url: string, cookie: string, payload: object, status = 201) => {
    const response = await t.request({ method: 'POST', url, cookie, payload });
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };

  const partner = await post('/api/partners', coordinator.cookie, { name: uniqueWord('Poradna '), kind: 'legal', languages: ['cs'] });

  /** A client with a social and a legal consultation, a plan with a goal and a review, two referrals and two follow-up tasks. */
  async function caseFile() {
    const client = await createClientThroughApi(t);
    await post(`/api/clients/${client.id}/consents`, receptionist.cookie, { purpose: 'sharing_with_partners', givenOn: '2025-01-02' });
    const consultation = (kind: 'social' | 'legal') => ({
      startedAt: '2025-03-03T09:30:00+01:00',
      durationMinutes: 45,
      form: 'in_person',
      kind,
      topics: ['residence'],
      notes: `${kind} notes`,
      outcome: `${kind} outcome`,
      followUp: `${kind} follow-up`,
    });
    const socialConsultation = await post(`/api/clients/${client.id}/consultations`, social.cookie, consultation('social'));
    const legalConsultation = await post(`/api/clients/${client.id}/consultations`, legal.cookie, consultation('legal'));
    const plan = await post(`/api/clients/${client.id}/plans`, social.cookie, {});
    await post(`/api/plans/${plan.id}/goals`, social.cookie, { area: 'work', title: 'Find a job', steps: [{ text: 'Write a CV' }] });
    await post(`/api/plans/${plan.id}/reviews`, social.cookie, { reviewedOn: today, summary: 'Going well' });
    const referral = { partnerId: partner.id, referredOn: '2025-03-03' };
    const socialReferral = await post(`/api/clients/${client.id}/referrals`, social.cookie, { ...referral, reason: 'Needs a lawyer' });
    const legalReferral = await post(`/api/clients/${client.id}/referrals`, legal.cookie, {
      ...referral,
      reason: 'Appeal against the decision',
      consultationId: legalConsultation.id,
    });
    const socialTask = await post('/api/tasks', social.cookie, {
      title: 'Bring the lease',
      dueOn: today,
      assigneeId: receptionist.userId,
      consultationId: socialConsultation.id,
    });
    const legalTask = await post('/api/tasks', legal.cookie, {
      title: 'File the appeal within 15 days',
      description: 'Against the decision of the ministry',
      dueOn: today,
      assigneeId: social.userId,
      consultationId: legalConsultation.id,
    });
    return { client, socialConsultation, legalConsultation, plan, socialReferral, legalReferral, socialTask, legalTask };
  }

  it('shows consultation content to counsellors and coordinators, legal content to legal counsellors only', async () => {
    const file = await caseFile();
    const sees = { social: new Set(['social_counsellor', 'legal_counsellor', 'coordinator']), legal: new Set(['legal_counsellor']) };
    for (const role of readers) {
      for (const kind of ['social', 'legal'] as const) {
        const consultation = kind === 'social' ? file.socialConsultation : file.legalConsultation;
        const detail = await get(`/api/consultations/${consultation.id}`, role);
        const visible = sees[kind].has(role);
        expect(detail.contentHidden, `${role} ${kind}`).toBe(!visible);
        // Everyone who reads counselling learns that it took place, when, of which kind and by whom.
        expect(detail).toMatchObject({ occurredOn: '2025-03-03', kind, durationMinutes: 45, staff: { id: expect.any(String) } });
        if (visible) expect(detail).toMatchObject({ notes: `${kind} notes`, outcome: `${kind} outcome`, followUp: `${kind} follow-up` });
        else for (const field of ['notes', 'outcome', 'followUp', 'topics', 'form']) expect(detail).not.toHaveProperty(field);
        const listed = (await get(`/api/clients/${file.client.id}/consultations`, role)).items.find(
          (item: { id: string }) => item.id === consultation.id,
        );
        expect(listed.contentHidden, `${role} ${kind} in the list`).toBe(!visible);
      }
    }
    const [read] = (await auditEventsThroughApi(t, { action: 'consultation.read', clientId: file.client.id })).filter(
      (e) => e.actor?.id === receptionist.userId && e.entityId === file.socialConsultation.id,
    );
    expect(read?.details).toEqual({ contentHidden: true });
  });

  it('shows a plan’s goals, steps, reviews and outcome only to who reads content', async () => {
    const file = await caseFile();
    for (const role of readers) {
      const [plan] = (await get(`/api/clients/${file.client.id}/plans`, role)).items;
      expect(plan).toMatchObject({ id: file.plan.id, status: 'open', openedOn: today });
      if (role === 'receptionist' || role === 'dpo') {
        expect(plan, role).toMatchObject({ contentHidden: true, goals: [], reviews: [], outcome: null });
      } else {
        expect(plan.contentHidden, role).toBe(false);
        expect(plan.goals).toMatchObject([{ title: 'Find a job', steps: [{ text: 'Write a CV', done: false }] }]);
        expect(plan.reviews).toMatchObject([{ summary: 'Going well' }]);
      }
    }
  });

  it('shows a referral’s reason to who reads content, and a legal consultation’s referral to legal counsellors only', async () => {
    const file = await caseFile();
    for (const role of readers) {
      const items = (await get(`/api/clients/${file.client.id}/referrals`, role)).items as { id: string; reason: string | null }[];
      const reasonOf = (id: string) => items.find((item) => item.id === id)?.reason;
      const readsContent = role !== 'receptionist' && role !== 'dpo';
      expect(reasonOf(file.socialReferral.id), role).toBe(readsContent ? 'Needs a lawyer' : null);
      expect(reasonOf(file.legalReferral.id), role).toBe(role === 'legal_counsellor' ? 'Appeal against the decision' : null);
    }
    expect(file.legalReferral).toMatchObject({ consultationId: file.legalConsultation.id, contentHidden: false });
    // Who may not read the reason may not write the outcome either.
    const patch = await t.request({
      method: 'PATCH',
      url: `/api/referrals/${file.legalReferral.id}`,
      cookie: social.cookie,
      payload: { outcome: 'Appeal filed' },
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().error.code).toBe('FORBIDDEN');
  });

  it('keeps the timeline to the same rule', async () => {
    const file = await caseFile();
    for (const role of readers) {
      const { items } = await get(`/api/clients/${file.client.id}/timeline`, role);
      const entry = (id: string) => items.find((item: { id: string }) => item.id === id);
      const readsContent = role !== 'receptionist' && role !== 'dpo';
      expect(entry(file.socialConsultation.id).contentHidden, role).toBe(!readsContent);
      expect(entry(file.legalConsultation.id).contentHidden, role).toBe(role !== 'legal_counsellor');
      const planEntries = items.filter((item: { kind: string }) => item.kind === 'plan');
      expect(planEntries.length).toBe(3);
      for (const plan of planEntries) {
        expect(plan.contentHidden, role).toBe(!readsContent);
        if (!readsContent) expect(plan.details).toBeNull();
      }
      expect(JSON.stringify(items)).not.toMatch(/notes|Needs a lawyer|Appeal/);
    }
  });

  it('hides a follow-up task’s title and description as its consultation is hidden, in the task list and My day', async () => {
    const file = await caseFile();
    const taskOf = async (role: Role, id: string) =>
      (await get('/api/tasks', role, { clientId: file.client.id })).items.find((task: { id: string }) => task.id === id);
    for (const role of ['social_counsellor', 'legal_counsellor', 'coordinator', 'receptionist'] as const) {
      const socialTask = await taskOf(role, file.socialTask.id);
      const legalTask = await taskOf(role, file.legalTask.id);
      expect(socialTask.contentHidden, role).toBe(role === 'receptionist');
      expect(socialTask.title, role).toBe(role === 'receptionist' ? 'Následný krok konzultace' : 'Bring the lease');
      expect(legalTask.consultation).toEqual({ id: file.legalConsultation.id, kind: 'legal' });
      if (role === 'legal_counsellor') {
        expect(legalTask).toMatchObject({ contentHidden: false, title: 'File the appeal within 15 days' });
      } else {
        expect(legalTask, role).toMatchObject({ contentHidden: true, title: 'Právní následný krok', description: null });
      }
    }
    // The social counsellor is assigned the legal follow-up: My day shows them that it is due, not what it says.
    const myDay = await get('/api/my-day', 'social_counsellor');
    expect(myDay.tasks.items.find((task: { id: string }) => task.id === file.legalTask.id)).toMatchObject({
      title: 'Právní následný krok',
      description: null,
      contentHidden: true,
    });
    const receptionistDay = await get('/api/my-day', 'receptionist');
    expect(receptionistDay.tasks.items.find((task: { id: string }) => task.id === file.socialTask.id)?.title).toBe(
      'Následný krok konzultace',
    );
    expect((await t.request({ method: 'GET', url: '/api/tasks', cookie: dpo.cookie })).statusCode).toBe(403);
    // Nor may they retitle it; completing it is fine.
    const retitle = await t.request({
      method: 'PATCH',
      url: `/api/tasks/${file.legalTask.id}`,
      cookie: social.cookie,
      payload: { title: 'Something else' },
    });
    expect(retitle.statusCode).toBe(403);
    const done = await t.request({ method: 'POST', url: `/api/tasks/${file.legalTask.id}/complete`, cookie: social.cookie });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', contentHidden: true });
  });

  it('refuses a follow-up of a consultation the author may not read, or of another client', async () => {
    const file = await caseFile();
    const other = await createClientThroughApi(t);
    const fromLegal = await t.request({
      method: 'POST',
      url: '/api/tasks',
      cookie: social.cookie,
      payload: { title: 'Copy of legal advice', dueOn: today, consultationId: file.legalConsultation.id },
    });
    expect(fromLegal.statusCode).toBe(403);
    const ofOther = await t.request({
      method: 'POST',
      url: '/api/tasks',
      cookie: social.cookie,
      payload: { title: 'Follow-up', dueOn: today, clientId: other.id, consultationId: file.socialConsultation.id },
    });
    expect(ofOther.statusCode).toBe(400);
    expect(ofOther.json().error.details).toEqual([
      { field: 'body.consultationId', code: 'unknown_consultation', message: expect.any(String) },
    ]);
    const referral = await t.request({
      method: 'POST',
      url: `/api/clients/${file.client.id}/referrals`,
      cookie: social.cookie,
      payload: { partnerId: partner.id, referredOn: '2025-03-03', reason: 'Legal aid', consultationId: file.legalConsultation.id },
    });
    expect(referral.statusCode).toBe(403);
    const tasks = (await get('/api/tasks', 'coordinator', { clientId: other.id, status: 'all' })).total;
    expect(tasks).toBe(0);
  });
});
