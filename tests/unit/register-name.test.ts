import { describe, expect, it } from 'vitest';
import { concernRegisterName } from '~/server/concern/register-name';

describe('the register of concern in running text', () => {
  it('adds "register" to the workspace’s name for it, in lower case', () => {
    expect(concernRegisterName('Schools causing concern')).toBe('schools causing concern register');
  });
  it('does not say "register" twice, nor add it to a list', () => {
    expect(concernRegisterName('SCC Register')).toBe('scc register');
    expect(concernRegisterName('Schools of concern list')).toBe('schools of concern list');
  });
});
