// SPDX-License-Identifier: Apache-2.0
// The family copy's words, in English and Spanish (docs/assessments.md "Family copy"; 001 §4:
// the participant and family drive the plan, so they get it in their language and in plain
// words). Both languages have the same keys: the type requires every key in each.
import type { GoalStatus, ResponsibleParty } from '../../api/care_plans';
import type { FamilyLanguage } from './family_copy_path';

export interface FamilyCopyText {
  languageName: string;
  pageTitle: string;
  heading: string;
  planFor: string;
  updated: string;
  intro: string;
  print: string;
  back: string;
  otherLanguage: string;
  goals: string;
  noGoals: string;
  howWeKnow: string;
  now: string;
  aimFor: string;
  by: string;
  goalStatus: Record<GoalStatus, string>;
  whoDoesWhat: string;
  nothingPlanned: string;
  responsible: Record<ResponsibleParty, string>;
  howOften: string;
  dueBy: string;
  forGoal: string;
  strengths: string;
  supports: string;
  resources: string;
  crisis: string;
  warningSigns: string;
  whatHelps: string;
  crisisLine: string;
  crisisLineText: string;
  whoToCall: string;
  emergency: string;
  medical: string;
  diagnoses: string;
  medications: string;
  allergies: string;
  providers: string;
  nextSteps: string;
  done: string;
  agreement: string;
  agreedVerbal: string;
  agreedSignature: string;
  declined: string;
  notYetAgreed: string;
  participantSignature: string;
  guardianSignature: string;
  coordinatorSignature: string;
  date: string;
  nextReview: string;
  none: string;
}

const en: FamilyCopyText = {
  languageName: 'English',
  pageTitle: 'Care plan (family copy)',
  heading: 'My care plan',
  planFor: 'Plan for',
  updated: 'Last updated',
  intro:
    'This is the plan we made together. It says what I want to work on, who will help, and ' +
    'what to do if things get hard. We will look at it again together.',
  print: 'Print',
  back: 'Back to the chart',
  otherLanguage: 'Language',
  goals: 'My goals',
  noGoals: 'We have not written goals yet.',
  howWeKnow: 'How we will know',
  now: 'now',
  aimFor: 'aim for',
  by: 'by',
  goalStatus: {
    active: 'Working on it',
    achieved: 'Done!',
    on_hold: 'On hold for now',
    discontinued: 'Stopped',
  },
  whoDoesWhat: 'Who does what',
  nothingPlanned: 'Nothing planned yet.',
  responsible: {
    care_coordinator: 'My care coordinator',
    peer_support: 'My peer support specialist',
    nurse_care_manager: 'My nurse care manager',
    participant: 'Me',
    family: 'My family',
    natural_support: 'Someone who supports me',
    provider: 'My health care provider',
    other: 'Someone else',
  },
  howOften: 'How often',
  dueBy: 'By',
  forGoal: 'For my goal',
  strengths: 'What I am good at',
  supports: 'People who support me',
  resources: 'Places in my community that can help',
  crisis: 'If I am in crisis',
  warningSigns: 'Signs that things are getting hard',
  whatHelps: 'What helps me',
  crisisLine: 'Crisis line',
  crisisLineText: 'Call or text any time, day or night:',
  whoToCall: 'People I can call',
  emergency: 'If I am in danger right now, call 911.',
  medical: 'My health summary',
  diagnoses: 'Health conditions',
  medications: 'Medicines',
  allergies: 'Allergies',
  providers: 'My doctors and clinics',
  nextSteps: 'Next steps toward support in my community',
  done: 'done',
  agreement: 'Our agreement',
  agreedVerbal: 'I agreed to this plan out loud on',
  agreedSignature: 'I signed this plan on',
  declined: 'I chose not to agree to this plan on',
  notYetAgreed: 'We have not yet talked about agreeing to this plan.',
  participantSignature: 'My signature',
  guardianSignature: 'Parent or guardian signature',
  coordinatorSignature: 'Care coordinator signature',
  date: 'Date',
  nextReview: 'We will look at this plan again by',
  none: 'None written down.',
};

const es: FamilyCopyText = {
  languageName: 'Español',
  pageTitle: 'Plan de cuidado (copia para la familia)',
  heading: 'Mi plan de cuidado',
  planFor: 'Plan de',
  updated: 'Última actualización',
  intro:
    'Este es el plan que hicimos juntos. Dice en qué quiero trabajar, quién me va a ayudar y ' +
    'qué hacer si las cosas se ponen difíciles. Lo vamos a revisar juntos otra vez.',
  print: 'Imprimir',
  back: 'Volver al expediente',
  otherLanguage: 'Idioma',
  goals: 'Mis metas',
  noGoals: 'Todavía no hemos escrito metas.',
  howWeKnow: 'Cómo sabremos que avanzo',
  now: 'ahora',
  aimFor: 'meta',
  by: 'para el',
  goalStatus: {
    active: 'Estoy trabajando en esto',
    achieved: '¡Lo logré!',
    on_hold: 'En pausa por ahora',
    discontinued: 'Ya no la sigo',
  },
  whoDoesWhat: 'Quién hace qué',
  nothingPlanned: 'Todavía no hay nada planeado.',
  responsible: {
    care_coordinator: 'Mi coordinador o coordinadora de cuidado',
    peer_support: 'Mi especialista de apoyo entre pares',
    nurse_care_manager: 'Mi enfermero o enfermera de cuidado',
    participant: 'Yo',
    family: 'Mi familia',
    natural_support: 'Una persona que me apoya',
    provider: 'Mi proveedor de salud',
    other: 'Otra persona',
  },
  howOften: 'Cada cuánto',
  dueBy: 'Para el',
  forGoal: 'Para mi meta',
  strengths: 'Lo que hago bien',
  supports: 'Personas que me apoyan',
  resources: 'Lugares en mi comunidad que me pueden ayudar',
  crisis: 'Si estoy en crisis',
  warningSigns: 'Señales de que las cosas se están poniendo difíciles',
  whatHelps: 'Lo que me ayuda',
  crisisLine: 'Línea de crisis',
  crisisLineText: 'Llame o envíe un mensaje de texto a cualquier hora, de día o de noche:',
  whoToCall: 'Personas a las que puedo llamar',
  emergency: 'Si estoy en peligro ahora mismo, llamo al 911.',
  medical: 'Resumen de mi salud',
  diagnoses: 'Condiciones de salud',
  medications: 'Medicinas',
  allergies: 'Alergias',
  providers: 'Mis médicos y clínicas',
  nextSteps: 'Próximos pasos hacia el apoyo en mi comunidad',
  done: 'hecho',
  agreement: 'Nuestro acuerdo',
  agreedVerbal: 'Di mi acuerdo con este plan de palabra el',
  agreedSignature: 'Firmé este plan el',
  declined: 'Decidí no aceptar este plan el',
  notYetAgreed: 'Todavía no hemos hablado de aceptar este plan.',
  participantSignature: 'Mi firma',
  guardianSignature: 'Firma del padre, la madre o el tutor',
  coordinatorSignature: 'Firma del coordinador o la coordinadora de cuidado',
  date: 'Fecha',
  nextReview: 'Vamos a revisar este plan otra vez a más tardar el',
  none: 'Nada anotado.',
};

export const kFamilyCopyText: Record<FamilyLanguage, FamilyCopyText> = { en, es };

/** A calendar date (YYYY-MM-DD) in words in `lang`: "20 de noviembre de 2026". */
export function familyDate(date: string, lang: FamilyLanguage): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
