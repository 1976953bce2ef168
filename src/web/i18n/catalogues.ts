import type { UiLanguage } from '../../shared/index.js';
import appointmentsCs from './locales/appointments.cs.json' with { type: 'json' };
import appointmentsEn from './locales/appointments.en.json' with { type: 'json' };
import appointmentsUk from './locales/appointments.uk.json' with { type: 'json' };
import auditCs from './locales/audit.cs.json' with { type: 'json' };
import auditEn from './locales/audit.en.json' with { type: 'json' };
import auditUk from './locales/audit.uk.json' with { type: 'json' };
import counsellingCs from './locales/counselling.cs.json' with { type: 'json' };
import counsellingEn from './locales/counselling.en.json' with { type: 'json' };
import counsellingUk from './locales/counselling.uk.json' with { type: 'json' };
import cs from './locales/cs.json' with { type: 'json' };
import documentsCs from './locales/documents.cs.json' with { type: 'json' };
import documentsEn from './locales/documents.en.json' with { type: 'json' };
import documentsUk from './locales/documents.uk.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import plansCs from './locales/plans.cs.json' with { type: 'json' };
import plansEn from './locales/plans.en.json' with { type: 'json' };
import plansUk from './locales/plans.uk.json' with { type: 'json' };
import privacyCs from './locales/privacy.cs.json' with { type: 'json' };
import timelineCs from './locales/timeline.cs.json' with { type: 'json' };
import privacyEn from './locales/privacy.en.json' with { type: 'json' };
import timelineEn from './locales/timeline.en.json' with { type: 'json' };
import privacyUk from './locales/privacy.uk.json' with { type: 'json' };
import timelineUk from './locales/timeline.uk.json' with { type: 'json' };
import uk from './locales/uk.json' with { type: 'json' };
import versionsCs from './locales/versions.cs.json' with { type: 'json' };
import versionsEn from './locales/versions.en.json' with { type: 'json' };
import versionsUk from './locales/versions.uk.json' with { type: 'json' };

/**
 * The UI texts of each language, kept in one file per area (`<area>.<lang>.json`, the core in
 * `<lang>.json`) and merged here into one catalogue. Areas may add to the same group (every area
 * labels its own audit actions); `locales.test.ts` refuses a text defined twice.
 */
export const catalogueParts = {
  cs: [cs, counsellingCs, appointmentsCs, plansCs, documentsCs, timelineCs, privacyCs, auditCs, versionsCs],
  en: [en, counsellingEn, appointmentsEn, plansEn, documentsEn, timelineEn, privacyEn, auditEn, versionsEn],
  uk: [uk, counsellingUk, appointmentsUk, plansUk, documentsUk, timelineUk, privacyUk, auditUk, versionsUk],
} as const satisfies Record<UiLanguage, readonly object[]>;

/** The merged catalogue; its Czech type checks every `t()` key at compile time. */
export type Catalogue = typeof cs &
  typeof counsellingCs &
  typeof appointmentsCs &
  typeof plansCs &
  typeof documentsCs &
  typeof timelineCs &
  typeof privacyCs &
  typeof auditCs &
  typeof versionsCs;

type Tree = { [key: string]: string | Tree };

/** Deep-merges catalogue parts; a later part adds keys to the groups of an earlier one. */
export function mergeCatalogueParts(parts: readonly object[]): Tree {
  const merged: Tree = {};
  const mergeInto = (target: Tree, source: Tree) => {
    for (const [key, value] of Object.entries(source)) {
      const existing = target[key];
      if (typeof value === 'object' && typeof existing === 'object') mergeInto(existing, value);
      else target[key] = typeof value === 'object' ? mergeInto({}, value) : value;
    }
    return target;
  };
  for (const part of parts) mergeInto(merged, part as Tree);
  return merged;
}

export const catalogues = {
  cs: mergeCatalogueParts(catalogueParts.cs) as Catalogue,
  en: mergeCatalogueParts(catalogueParts.en) as Catalogue,
  uk: mergeCatalogueParts(catalogueParts.uk) as Catalogue,
} satisfies Record<UiLanguage, Catalogue>;
