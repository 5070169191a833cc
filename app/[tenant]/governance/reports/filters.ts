import {
  boardKinds,
  reportSearchMaxLength,
  type TGovernanceReportFilters,
} from '~/server/governance/governance-reports';

/** The reports page's URL search params (shared with the CSV download, so it exports what is shown). */
export type GovernanceReportParams = { q?: string; school?: string; phase?: string; kind?: string };

const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined =>
  allowed.find((a) => a === value);

/**
 * The search params as the procedure's filters, as on the school register: an empty or unknown value is
 * ignored, not an error (the procedure's own schema refuses bad input from anywhere else).
 */
export function reportFiltersOf(p: GovernanceReportParams): TGovernanceReportFilters {
  return {
    // Cut to the longest search the procedure takes, as the box itself does.
    search: p.q?.trim().slice(0, reportSearchMaxLength).trim() || undefined,
    schoolId: p.school && /^[0-9a-f-]{36}$/i.test(p.school) ? p.school : undefined,
    phase: p.phase?.trim() || undefined,
    kind: pick(p.kind, boardKinds),
  };
}

/** The filters back as a query string (empty ones left out), for the CSV links and shared addresses. */
export function reportQueryOf(filters: TGovernanceReportFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.search) query.set('q', filters.search);
  if (filters.schoolId) query.set('school', filters.schoolId);
  if (filters.phase) query.set('phase', filters.phase);
  if (filters.kind) query.set('kind', filters.kind);
  return query;
}
