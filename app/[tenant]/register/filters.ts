/** The register page's URL search params as the procedure's filters: anything unknown is ignored. */
export type RegisterParams = {
  category?: string;
  phase?: string;
  governance?: string;
  adviser?: string;
  concern?: string;
  q?: string;
  sort?: string;
  register?: string;
};

const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined =>
  allowed.find((a) => a === value);

/** The page's search params as the procedure's filters: anything unknown is ignored, not an error. */
export function filtersOf(p: RegisterParams) {
  return {
    category: p.category || undefined,
    phase: p.phase || undefined,
    governance: pick(p.governance, ['maintained', 'academy'] as const),
    linkAdviserUserId: p.adviser && /^[0-9a-f-]{36}$/i.test(p.adviser) ? p.adviser : undefined,
    causingConcern: pick(p.concern, ['yes', 'no'] as const),
    search: p.q?.trim() || undefined,
    sort: pick(p.sort, ['name', 'category', 'inspected', 'pupils'] as const) ?? 'name',
    register: pick(p.register, ['active', 'left'] as const),
  };
}
