import { describe, expect, it } from 'vitest';
import { giasImportNotes } from '~/server/schools/import-gias/import-page-words';

const text = (...args: Parameters<typeof giasImportNotes>) => giasImportNotes(...args).join(' ');

describe('the GIAS import page’s words, by kind of workspace', () => {
  it('tells an LA with statutory monitoring its register follows, and never says partnership', () => {
    const words = text({
      kind: 'la',
      modules: ['statutory', 'commissioning'],
      laCodes: ['330'],
      settings: {},
    });
    expect(words).toContain('Every open school in local authority 330 joins your statutory register');
    expect(words).toContain('Your notes and contacts are never changed');
    expect(words).not.toMatch(/partnership|member/i);
  });

  it('names member prices only where the workspace sells packages, as it names them', () => {
    expect(text({ kind: 'la', modules: ['traded'], laCodes: ['302'], settings: {} })).toContain(
      'Your notes, contacts and which schools pay member prices are never changed',
    );
    const hsip = text({
      kind: 'provider',
      modules: ['traded', 'courses'],
      laCodes: ['310'],
      settings: {
        traded: { priceNames: { member: 'Partnership agreement', nonMember: 'Outside partnership' } },
      },
    });
    expect(hsip).toContain('which schools pay partnership agreement prices');
    expect(hsip).not.toContain('statutory register');
  });

  it('tells an Appropriate Body to import the schools that chose it', () => {
    const words = text({ kind: 'appropriate_body', modules: ['induction'], laCodes: [], settings: {} });
    expect(words).toContain('import the schools that have chosen you');
    expect(words).not.toContain('statutory register');
  });
});
