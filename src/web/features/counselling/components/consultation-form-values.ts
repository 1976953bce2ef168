import {
  type ConsultationDefaults,
  type ConsultationResponse,
  centreInstant,
  toCentreDate,
  toCentreTime,
} from '../../../../shared/index.js';
import { toNullableText } from '../../../components/forms/text-value.js';

/** The consultation form's values: text fields hold '' where the API holds null. */
export type ConsultationFormValues = {
  /** Day and wall-clock time in the centre, sent together as `startedAt`. */
  date: string | null;
  time: string;
  durationMinutes: number | string;
  form: string | null;
  kind: string;
  topics: string[];
  interpreter: { language: string | null; kind: string };
  projectId: string | null;
  branchId: string | null;
  notes: string;
  outcome: string;
  followUp: string;
  anonymousProfile: { sex: string; ageBand: string | null; citizenship: string | null; residenceCategory: string | null };
};

/** A new consultation's form, started from the defaults (and the appointment they came from), or an existing one's. */
export function toConsultationFormValues(
  source: { consultation: ConsultationResponse } | { defaults: ConsultationDefaults | null },
  now: Date,
) {
  const consultation = 'consultation' in source ? source.consultation : null;
  const defaults = 'defaults' in source ? source.defaults : null;
  const startedAt = consultation?.startedAt ?? defaults?.startedAt ?? null;
  const visible = consultation && !consultation.contentHidden ? consultation : null;
  const values: ConsultationFormValues = {
    date: startedAt ? toCentreDate(new Date(startedAt)) : toCentreDate(now),
    time: startedAt ? toCentreTime(new Date(startedAt)) : '',
    durationMinutes: consultation?.durationMinutes ?? defaults?.durationMinutes ?? '',
    form: visible?.form ?? (consultation ? null : 'in_person'),
    kind: consultation?.kind ?? defaults?.kind ?? 'social',
    topics: visible?.topics ?? [],
    interpreter: {
      language: visible?.interpreter?.language ?? defaults?.interpreterLanguage ?? null,
      kind: visible?.interpreter?.kind ?? 'partner',
    },
    projectId: consultation ? consultation.projectId : (defaults?.projectId ?? null),
    branchId: consultation ? consultation.branchId : (defaults?.branchId ?? null),
    notes: visible?.notes ?? '',
    outcome: visible?.outcome ?? '',
    followUp: visible?.followUp ?? '',
    anonymousProfile: {
      sex: consultation?.anonymousProfile?.sex ?? '',
      ageBand: consultation?.anonymousProfile?.ageBand ?? null,
      citizenship: consultation?.anonymousProfile?.citizenship ?? null,
      residenceCategory: consultation?.anonymousProfile?.residenceCategory ?? null,
    },
  };
  return values;
}

/** When the consultation began, for the API; undefined until both day and time are given. */
function startedAtOf(values: ConsultationFormValues): string | undefined {
  if (!values.date || !/^\d{2}:\d{2}$/.test(values.time)) return undefined;
  return centreInstant(values.date, values.time).toISOString();
}

/** The facts of a consultation that everyone who may change it may see: when, how long, for which project. */
export function toFactsPayload(values: ConsultationFormValues) {
  return {
    startedAt: startedAtOf(values),
    durationMinutes: typeof values.durationMinutes === 'number' ? values.durationMinutes : undefined,
    projectId: values.projectId || null,
    branchId: values.branchId || null,
  };
}

/** What the form sends: the facts and the content; an interpreter only when a language is chosen. */
export function toConsultationPayload(values: ConsultationFormValues) {
  return {
    ...toFactsPayload(values),
    form: values.form ?? undefined,
    kind: values.kind,
    topics: values.topics,
    interpreter: values.interpreter.language ? { language: values.interpreter.language, kind: values.interpreter.kind } : null,
    notes: toNullableText(values.notes),
    outcome: toNullableText(values.outcome),
    followUp: toNullableText(values.followUp),
  };
}

/** Who was served, for an anonymous consultation; unchosen values are left out, so the schema names them. */
export function toProfilePayload(values: ConsultationFormValues) {
  const profile = values.anonymousProfile;
  return {
    sex: profile.sex || undefined,
    ageBand: profile.ageBand ?? undefined,
    citizenship: profile.citizenship ?? null,
    residenceCategory: profile.residenceCategory ?? undefined,
  };
}
