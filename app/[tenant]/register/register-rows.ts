import type { RegisterRow } from '~/server/monitoring/list-register';
import { describeInspection, inspectionHeadline } from '~/server/monitoring/ofsted-results';

/** What a row of the register shows, with the Ofsted result already in words: only this goes to the browser. */
export type RegisterTableRow = Pick<
  RegisterRow,
  | 'schoolId'
  | 'name'
  | 'urn'
  | 'type'
  | 'governance'
  | 'phase'
  | 'hasSixthForm'
  | 'pupils'
  | 'laCategoryLabel'
  | 'causingConcern'
  | 'linkAdviserName'
  | 'secondAdviserName'
> & { ofsted: string; ofstedLines: { label: string; value: string }[] };

export const registerTableRow = (r: RegisterRow): RegisterTableRow => ({
  schoolId: r.schoolId,
  name: r.name,
  urn: r.urn,
  type: r.type,
  governance: r.governance,
  phase: r.phase,
  hasSixthForm: r.hasSixthForm,
  pupils: r.pupils,
  laCategoryLabel: r.laCategoryLabel,
  causingConcern: r.causingConcern,
  linkAdviserName: r.linkAdviserName,
  secondAdviserName: r.secondAdviserName,
  ofsted: r.latestInspection ? inspectionHeadline(r.latestInspection) : 'Not inspected',
  ofstedLines:
    r.latestInspection && r.latestInspection.framework !== 'legacy_overall'
      ? describeInspection(r.latestInspection)
      : [],
});
