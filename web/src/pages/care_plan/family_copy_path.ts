// SPDX-License-Identifier: Apache-2.0
// The address of a plan's family copy (docs/assessments.md "Family copy").

export type FamilyLanguage = 'en' | 'es';

export function carePlanPrintPath(
  participantId: string,
  planId: string,
  lang?: FamilyLanguage,
): string {
  const participant = encodeURIComponent(participantId);
  const base = `/participants/${participant}/care-plans/${encodeURIComponent(planId)}/print`;
  return lang ? `${base}?lang=${lang}` : base;
}

/**
 * The language of the copy: `?lang=` when it names one this copy is written in, else the
 * participant's preferred language ("es", "es-MX" → Spanish), else English.
 */
export function familyLanguage(search: string, preferred: string): FamilyLanguage {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'en' || asked === 'es') return asked;
  return preferred.toLowerCase().split(/[-_]/)[0] === 'es' ? 'es' : 'en';
}
