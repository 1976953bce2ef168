import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/open-database.js';
import { benchAdmin, rowsOf } from './bench-data.js';

/** What the counselling part of the data set holds. */
export type CounsellingDataSet = {
  services: number;
  appointments: number;
  counsellors: number;
  /** The client whose timeline is measured, with `busyClientEntries` entries of every kind. */
  busyClientId: string;
  busyClientEntries: number;
  /** A counsellor whose week calendar is measured. */
  counsellorId: string;
  seconds: number;
};

const counsellorCount = 20;
const servicesPerStatement = 50_000;

/**
 * Fills the ledger and the calendars in set-based SQL on both databases: `services` consultations
 * (each with its `consultations` row) spread over every client, staff member and the three years
 * before 2026-11-01; working-day appointments for every counsellor over the same years; and one
 * client with a long history of every kind (consultations, appointments, plan changes, referrals,
 * documents) for the timeline. The benchmark's administrator also gets the coordinator role, so
 * its requests may read timelines and calendars.
 */
export async function seedCounsellingData(db: Db, serviceCount: number): Promise<CounsellingDataSet> {
  const started = performance.now();
  await db.execute(sql`update users set roles = array['admin', 'coordinator'] where email = ${benchAdmin.email}`);
  await db.execute(sql`
    insert into users (id, name, email, roles)
    select 'bench-counsellor-' || g, 'Counsellor ' || g, 'counsellor' || g || '@bench.invalid',
           case when g % 4 = 0 then array['legal_counsellor'] else array['social_counsellor'] end
    from generate_series(0, ${counsellorCount - 1}::int) as g`);
  await db.execute(sql`create temporary table bench_clients as
    select row_number() over (order by id) - 1 as n, id from clients where merged_into_id is null`);
  await db.execute(sql`create index on bench_clients (n)`);
  const [clientTotal] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from bench_clients`));
  const clientCount = clientTotal?.n ?? 0;
  if (clientCount === 0) throw new Error('load the clients first');

  for (let from = 0; from < serviceCount; from += servicesPerStatement) {
    const to = Math.min(serviceCount, from + servicesPerStatement) - 1;
    // A data-modifying CTE writes the ledger row and its consultation together.
    await db.execute(sql`
      with made as (
        insert into services (kind, occurred_on, started_at, duration_minutes, staff_id, client_id)
        select 'consultation', (t at time zone 'Europe/Prague')::date, t, 15 + (g % 6) * 15,
               'bench-counsellor-' || (g % ${counsellorCount}::int), c.id
        from generate_series(${from}::int, ${to}::int) as g
        cross join lateral (select timestamptz '2023-11-01 08:00+01' + (g % 1095) * interval '1 day'
                                   + ((g / 1095) % 8) * interval '1 hour' as t) as at
        join bench_clients c on c.n = (g::bigint * 7919) % ${clientCount}::int
        returning id, staff_id
      )
      insert into consultations (service_id, form, kind, topics, created_by)
      select id, 'in_person', case when right(staff_id, 1) in ('0', '4', '8') then 'legal' else 'social' end,
             array['residence', 'employment'], staff_id
      from made`);
  }

  // Eight appointments on each working day for each counsellor, over the same three years.
  await db.execute(sql`
    insert into appointments (staff_id, client_id, starts_at, ends_at, place, purpose, status)
    select 'bench-counsellor-' || s, c.id, d + h * interval '1 hour', d + h * interval '1 hour' + interval '45 minutes',
           'Room ' || (s % 5 + 1), 'Consultation', case when d < timestamptz '2026-11-01' then 'attended' else 'booked' end
    from generate_series(0, ${counsellorCount - 1}::int) as s
    cross join generate_series(timestamptz '2023-11-01 08:00 Europe/Prague', timestamptz '2027-02-28 08:00 Europe/Prague', interval '1 day') as d
    cross join generate_series(0, 7) as h
    join bench_clients c on c.n = ((s * 1000 + h * 37 + extract(doy from d)::int * 11) % ${clientCount})
    where extract(isodow from d) < 6`);

  const [busy] = rowsOf<{ id: string }>(await db.execute(sql`select id from bench_clients where n = 0`));
  const busyClientId = (busy as { id: string }).id;
  await seedBusyClient(db, busyClientId);
  const [entries] = rowsOf<{ n: number }>(
    await db.execute(sql`select
      (select count(*) from services where client_id = ${busyClientId})
      + (select count(*) from appointments where client_id = ${busyClientId})
      + (select count(*) from audit_events where client_id = ${busyClientId} and action like 'plan.%')
      + (select count(*) from referrals where client_id = ${busyClientId})
      + (select count(*) from documents where client_id = ${busyClientId})
      + (select count(*) from audit_events where client_id = ${busyClientId} and action like 'client.%') as n`),
  );
  const [counts] = rowsOf<{ services: number; appointments: number }>(
    await db.execute(
      sql`select (select count(*)::int from services) as services, (select count(*)::int from appointments) as appointments`,
    ),
  );
  await db.execute(sql`drop table bench_clients`);
  return {
    services: counts?.services ?? 0,
    appointments: counts?.appointments ?? 0,
    counsellors: counsellorCount,
    busyClientId,
    busyClientEntries: Number(entries?.n ?? 0),
    counsellorId: 'bench-counsellor-1',
    seconds: (performance.now() - started) / 1000,
  };
}

/** About 500 timeline entries of every kind for one client, over three years. */
async function seedBusyClient(db: Db, clientId: string): Promise<void> {
  await db.execute(sql`
    with made as (
      insert into services (kind, occurred_on, started_at, duration_minutes, staff_id, client_id)
      select 'consultation', (t at time zone 'Europe/Prague')::date, t, 45, 'bench-counsellor-' || (g % ${counsellorCount}::int), ${clientId}
      from generate_series(1, 300) as g
      cross join lateral (select timestamptz '2023-11-02 09:00+01' + g * interval '3 days' as t) as at
      returning id, staff_id
    )
    insert into consultations (service_id, form, kind, topics, created_by)
    select id, 'phone', case when right(staff_id, 1) = '4' then 'legal' else 'social' end, array['housing'], staff_id from made`);
  await db.execute(sql`
    insert into appointments (staff_id, client_id, starts_at, ends_at, place, status)
    select 'bench-counsellor-' || (g % ${counsellorCount}::int), ${clientId}, t, t + interval '1 hour', 'Room 1', 'attended'
    from generate_series(1, 100) as g
    cross join lateral (select timestamptz '2023-11-03 10:00+01' + g * interval '9 days' as t) as at`);
  await db.execute(sql`
    insert into audit_events (actor_id, action, entity_type, client_id, details, at)
    select 'bench-counsellor-1', 'plan.goal_updated', 'plan', ${clientId}, '{"area":"work","status":"in_progress"}'::jsonb,
           timestamptz '2023-11-04 11:00+01' + g * interval '18 days'
    from generate_series(1, 50) as g`);
  await db.execute(sql`insert into partners (name, kind) values ('Úřad práce Ústí nad Labem', 'labour_office')`);
  await db.execute(sql`
    insert into consents (client_id, purpose, given_on, recorded_by)
    values (${clientId}, 'sharing_with_partners', '2023-11-01', 'bench-counsellor-1')`);
  await db.execute(sql`
    insert into referrals (client_id, partner_id, referred_on, reason, consent_id, created_by, created_at)
    select ${clientId}, (select id from partners order by created_at limit 1), (t at time zone 'Europe/Prague')::date, 'Work permit',
           (select id from consents where client_id = ${clientId} and purpose = 'sharing_with_partners' limit 1), 'bench-counsellor-1', t
    from generate_series(1, 25) as g
    cross join lateral (select timestamptz '2023-11-05 12:00+01' + g * interval '36 days' as t) as at`);
  await db.execute(sql`
    insert into documents (client_id, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
    select ${clientId}, 'document-' || g || '.pdf', 'application/pdf', 100000, md5(g::text), 'bench/' || g, 'bench-counsellor-1',
           timestamptz '2023-11-06 13:00+01' + g * interval '36 days'
    from generate_series(1, 25) as g`);
}
