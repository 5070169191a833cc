import { describe, expect, it } from 'vitest';
import { toCsv } from '~/server/format/csv';

describe('CSV', () => {
  it('quotes commas, quotes and new lines', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 1, null]])).toBe(
      'a,"b,c","say ""hi""","two\nlines",1,\r\n',
    );
  });

  it('defuses what a spreadsheet would run as a formula', () => {
    expect(toCsv([['=SUM(A1)', '+44 20', '@cmd', '-2+A1', '-A1']])).toBe(
      "'=SUM(A1),'+44 20,'@cmd,'-2+A1,'-A1\r\n",
    );
  });

  it('leaves negative amounts as numbers (a credit note in a finance export)', () => {
    expect(toCsv([['-120.00', -3, '-2', '0.00']])).toBe('-120.00,-3,-2,0.00\r\n');
  });
});
