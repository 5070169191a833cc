/** The statement's period as the page and the PDF take it from the address: `from`, `to`, or `all=1`. */
export function statementQuery(search: Record<string, string | string[] | undefined>): {
  from?: string;
  to?: string;
  allTime?: boolean;
} {
  const one = (key: string) => {
    const value = search[key];
    const text = Array.isArray(value) ? value[0] : value;
    return text ? text : undefined;
  };
  const from = one('from');
  const to = one('to');
  return {
    ...(one('all') === '1' ? { allTime: true } : from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** The address of the statement (or its PDF) for a period. */
export function statementHref(
  base: string,
  period: { from?: string | null; to?: string; allTime?: boolean },
) {
  const search = new URLSearchParams();
  if (period.allTime) search.set('all', '1');
  else if (period.from) search.set('from', period.from);
  if (period.to) search.set('to', period.to);
  const query = search.toString();
  return query ? `${base}?${query}` : base;
}
