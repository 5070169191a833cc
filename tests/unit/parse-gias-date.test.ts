import { describe, expect, it } from 'vitest';
import { parseGiasDate } from '~/server/schools/import-gias/parse-gias-date';

describe('parseGiasDate', () => {
  it('reads a GIAS date day first, with dashes or slashes, with or without leading zeros', () => {
    expect(parseGiasDate('31-08-2025')).toEqual({ date: '2025-08-31' });
    expect(parseGiasDate('31/08/2025')).toEqual({ date: '2025-08-31' });
    expect(parseGiasDate(' 1/9/2027 ')).toEqual({ date: '2027-09-01' });
    expect(parseGiasDate('29-02-2024')).toEqual({ date: '2024-02-29' });
  });

  it('reads an empty cell as no date', () => {
    expect(parseGiasDate('')).toEqual({ date: null });
    expect(parseGiasDate('   ')).toEqual({ date: null });
  });

  it('does not guess at a day that does not exist or text that is not a GIAS date', () => {
    for (const text of [
      '31-02-2025',
      '29-02-2025',
      '00-08-2025',
      '31-13-2025',
      '2025-08-31',
      '31-08/2025',
      '31-08-25',
      '31 August 2025',
      'Not applicable',
    ]) {
      expect(parseGiasDate(text), text).toEqual({ invalid: true });
    }
  });
});
