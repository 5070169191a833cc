import { describe, expect, it } from 'vitest';
import { reportFiltersOf, reportQueryOf } from '~/app/[tenant]/governance/reports/filters';
import { ZGovernanceReportFilters } from '~/server/governance/governance-reports';

const elm = '0b9f3c52-8d8e-4a57-9c0e-3f0f6f7f1a11';

describe('the governance reports’ filters in the address', () => {
  it('reads school, phase and kind from the search params', () => {
    expect(reportFiltersOf({ school: elm, phase: ' Secondary ', kind: 'academy' })).toEqual({
      schoolId: elm,
      phase: 'Secondary',
      kind: 'academy',
    });
  });

  it('ignores empty and unknown values, as the school register does, so the page never fails on them', () => {
    expect(reportFiltersOf({ school: '', phase: '', kind: '' })).toEqual({
      schoolId: undefined,
      phase: undefined,
      kind: undefined,
    });
    expect(reportFiltersOf({ school: 'elm', kind: 'independent' })).toEqual({
      schoolId: undefined,
      phase: undefined,
      kind: undefined,
    });
  });

  it('whatever it reads, the procedure’s schema accepts', () => {
    for (const params of [{}, { school: 'x', kind: 'y', phase: '  ' }, { school: elm, kind: 'maintained' }])
      expect(ZGovernanceReportFilters.safeParse(reportFiltersOf(params)).success).toBe(true);
  });

  it('writes the filters back as a query string without the empty ones, for links and the CSV', () => {
    expect(reportQueryOf({ schoolId: elm, kind: 'maintained' }).toString()).toBe(
      `school=${elm}&kind=maintained`,
    );
    expect(reportQueryOf({}).toString()).toBe('');
    const query = reportQueryOf({ phase: 'All-through' });
    expect(reportFiltersOf(Object.fromEntries(query))).toEqual({
      schoolId: undefined,
      phase: 'All-through',
      kind: undefined,
    });
  });
});
