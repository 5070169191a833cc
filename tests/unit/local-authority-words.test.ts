import { describe, expect, it } from 'vitest';
import { inLocalAuthorities } from '~/server/schools/local-authority-words';

describe('inLocalAuthorities', () => {
  it('names one LA, or a partnership’s several as a list', () => {
    expect(inLocalAuthorities(['330'])).toBe('local authority 330');
    expect(inLocalAuthorities(['330', '331'])).toBe('local authorities 330 and 331');
    expect(inLocalAuthorities(['330', '331', '332'])).toBe('local authorities 330, 331 and 332');
  });
});
