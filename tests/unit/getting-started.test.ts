import { describe, expect, it } from 'vitest';
import type { ModuleKey, TenantKind, TenantSettings } from '~/db/schema';
import { usesTermDates } from '~/server/calendar/term-dates-words';
import { setupSteps, type SetupFacts } from '~/server/workspaces/getting-started';

const nothingYet: SetupFacts = {
  openSchools: 0,
  othersInvitedOrJoined: 0,
  termDatesSet: false,
  invoiceSettingsSet: false,
  dcsNamed: false,
};
const everything: SetupFacts = {
  openSchools: 12,
  othersInvitedOrJoined: 3,
  termDatesSet: true,
  invoiceSettingsSet: true,
  dcsNamed: true,
};

const keys = (kind: TenantKind, modules: ModuleKey[], settings: TenantSettings = {}) =>
  setupSteps({ kind, modules, settings }, nothingYet).map((s) => s.key);

describe('setupSteps: which steps a workspace is shown', () => {
  it('asks an LA with the statutory module for its monitoring settings and term dates', () => {
    expect(keys('la', ['statutory', 'commissioning'])).toEqual([
      'schools',
      'people',
      'monitoring-settings',
      'dcs',
      'term-dates',
    ]);
  });

  it('asks an LA with statutory monitoring to name its DCS (no notice can be decided until then)', () => {
    expect(keys('la', ['statutory'])).toContain('dcs');
    // A partnership running monitoring for an LA does not decide the DCS's powers.
    expect(keys('provider', ['statutory'])).not.toContain('dcs');
    const named = setupSteps({ kind: 'la', modules: ['statutory'], settings: {} }, everything);
    expect(named.find((s) => s.key === 'dcs')?.done).toBe(true);
  });

  it('asks an Appropriate Body for its term dates and fee per ECT', () => {
    expect(keys('appropriate_body', ['induction', 'courses', 'invoices'])).toEqual([
      'schools',
      'people',
      'term-dates',
      'induction-settings',
    ]);
  });

  it('asks a partnership selling packages for its term dates (pro rata), but not for induction settings', () => {
    expect(keys('provider', ['traded', 'courses', 'induction', 'governance'])).toEqual([
      'schools',
      'people',
      'term-dates',
    ]);
  });

  it('asks a workspace that sells packages and invoices them to set up invoicing', () => {
    expect(keys('provider', ['traded', 'courses', 'invoices'])).toEqual([
      'schools',
      'people',
      'term-dates',
      'invoice-settings',
    ]);
    expect(keys('la', ['statutory', 'traded', 'invoices'])).toContain('invoice-settings');
    // An Appropriate Body bills its fees without selling packages: not asked here.
    expect(keys('appropriate_body', ['induction', 'invoices'])).not.toContain('invoice-settings');
    const steps = setupSteps({ kind: 'provider', modules: ['traded', 'invoices'], settings: {} }, everything);
    expect(steps.find((s) => s.key === 'invoice-settings')?.done).toBe(true);
  });

  it('does not ask a provider that LAs only commission to import schools: its contracts name them', () => {
    expect(keys('provider', ['commissioning'])).toEqual(['people']);
    expect(keys('provider', ['commissioning', 'traded'])).toContain('schools');
    expect(keys('la', ['commissioning'])).toContain('schools');
  });

  it('asks a workspace that only runs courses for its schools and people alone', () => {
    expect(keys('provider', ['courses', 'induction'])).toEqual(['schools', 'people']);
    expect(usesTermDates('la', ['courses', 'governance'])).toBe(false);
  });
});

describe('setupSteps: ticked from the workspace’s data', () => {
  it('ticks nothing in a new workspace, even an LA the platform gave a default category', () => {
    const steps = setupSteps(
      { kind: 'la', modules: ['statutory', 'traded'], settings: { statutory: { defaultCategory: '' } } },
      nothingYet,
    );
    expect(steps.every((s) => !s.done)).toBe(true);
  });

  it('ticks each step once the schools, people, saved settings and term dates are there', () => {
    const steps = setupSteps(
      {
        kind: 'appropriate_body',
        modules: ['induction'],
        settings: { induction: { feePerEctPence: 0 } },
      },
      everything,
    );
    expect(steps.every((s) => s.done)).toBe(true);
    const monitoring = setupSteps(
      {
        kind: 'la',
        modules: ['statutory'],
        settings: { statutory: { concernListName: 'Schools causing concern' } },
      },
      everything,
    );
    expect(monitoring.every((s) => s.done)).toBe(true);
  });
});
