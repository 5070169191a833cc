import type { RegisterCase } from '~/server/concern/list-register';

/** What a row of the register shows: the page sends only these fields to the browser. */
export type CaseRow = Pick<
  RegisterCase,
  | 'caseId'
  | 'schoolName'
  | 'urn'
  | 'academy'
  | 'status'
  | 'laCategory'
  | 'leadOfficerName'
  | 'daysOnRegister'
  | 'nextReviewOn'
> & { triggers: { key: string; label: string; evidence: string[] }[] };

export const caseRow = (c: RegisterCase): CaseRow => ({
  caseId: c.caseId,
  schoolName: c.schoolName,
  urn: c.urn,
  academy: c.academy,
  status: c.status,
  laCategory: c.laCategory,
  leadOfficerName: c.leadOfficerName,
  daysOnRegister: c.daysOnRegister,
  nextReviewOn: c.nextReviewOn,
  triggers: c.triggers.map((t) => ({ key: t.key, label: t.label, evidence: [...t.evidence] })),
});
