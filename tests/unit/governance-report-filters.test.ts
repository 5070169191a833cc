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

  it('reads the search typed from q, trimmed, and a search of spaces as none', () => {
    expect(reportFiltersOf({ q: '  St Mary ' })).toEqual({ search: 'St Mary' });
    expect(reportFiltersOf({ q: '   ' }).search).toBeUndefined();
    // Cut to the longest search the procedure takes, rather than failing the page.
    expect(reportFiltersOf({ q: 'a'.repeat(150) }).search).toBe('a'.repeat(100));
  });

  it('whatever it reads, the procedure’s schema accepts', () => {
    for (const params of [
      {},
      { school: 'x', kind: 'y', phase: '  ' },
      { school: elm, kind: 'maintained' },
      { q: `  ${'z'.repeat(200)}` },
    ])
      expect(ZGovernanceReportFilters.safeParse(reportFiltersOf(params)).success).toBe(true);
  });

  it('writes the filters back as a query string without the empty ones, for links and the CSV', () => {
    expect(reportQueryOf({ schoolId: elm, kind: 'maintained' }).toString()).toBe(
      `school=${elm}&kind=maintained`,
    );
    expect(reportQueryOf({}).toString()).toBe('');
    expect(reportQueryOf({ search: 'St Mary’s', phase: 'Primary' }).toString()).toBe(
      `q=${encodeURIComponent('St Mary’s').replace(/%20/g, '+')}&phase=Primary`,
    );
    expect(reportFiltersOf(Object.fromEntries(reportQueryOf({ search: 'St Mary’s' }))).search).toBe(
      'St Mary’s',
    );
    const query = reportQueryOf({ phase: 'All-through' });
    expect(reportFiltersOf(Object.fromEntries(query))).toEqual({
      schoolId: undefined,
      phase: 'All-through',
      kind: undefined,
    });
  });
});
