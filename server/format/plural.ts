/**
 * "1 invoice", "3 invoices", "0 schools": a count with its noun, plural unless the count is one. `plural` for a
 * noun that does not just take an s ("1 person", "2 people").
 */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}
