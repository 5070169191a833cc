/** Words for courses (no imports: safe in client components). */
export const audiences = {
  teachers: 'Teachers',
  leaders: 'Leaders',
  support_staff: 'Support staff',
  governors: 'Governors',
  clerks: 'Clerks',
  ects: 'Early career teachers',
  mentors: 'Mentors',
} as const;
export type Audience = keyof typeof audiences;

export const formatLabels: Record<'in_person' | 'online' | 'hybrid' | 'twilight', string> = {
  in_person: 'In person',
  online: 'Online',
  hybrid: 'Hybrid',
  twilight: 'Twilight',
};

export const programmeLabels: Record<'cpd' | 'ect_induction' | 'governor_training', string> = {
  cpd: 'CPD',
  ect_induction: 'ECT induction',
  governor_training: 'Governor training',
};

export type Programme = keyof typeof programmeLabels;

/**
 * The module each programme belongs to: the ECT induction programme is the induction module's (an Appropriate
 * Body's programme, or an LA's or partnership's ECT training), governor training the governor services module's.
 * CPD needs no other module.
 */
export const programmeModules: Record<Programme, 'induction' | 'governance' | null> = {
  cpd: null,
  ect_induction: 'induction',
  governor_training: 'governance',
};

/**
 * The programmes a course form offers a workspace with these modules; `keep` (the course's own programme, when
 * editing one made before a module was switched off) stays on offer so the form shows what the course is.
 */
export function programmesFor(modules: readonly string[], keep?: Programme): Programme[] {
  return (Object.keys(programmeLabels) as Programme[]).filter((p) => {
    const needs = programmeModules[p];
    return needs === null || modules.includes(needs) || p === keep;
  });
}

export const sessionKindLabels: Record<'full_day' | 'half_day' | 'twilight' | 'session', string> = {
  full_day: 'Full day',
  half_day: 'Half day',
  twilight: 'Twilight',
  session: 'Session',
};

/**
 * Where a course happens, as its delegates are told: the venue unless it runs online, the joining link unless
 * it runs in person ('' where there is none).
 */
export const courseWhere = (course: {
  format: keyof typeof formatLabels;
  venue: string;
  joiningLink: string;
}) => ({
  venue: course.format === 'online' ? '' : course.venue,
  joiningLink: course.format === 'in_person' ? '' : course.joiningLink,
});

/** Said beside a course's prices when its places are free to governors of maintained schools (s22 training). */
export const statutoryFreeLine = 'Free to governors of maintained schools: statutory governor training.';
