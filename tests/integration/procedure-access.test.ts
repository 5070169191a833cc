import { describe, expect, it } from 'vitest';
import { moduleKeys, roles } from '~/db/schema';
import { allProcedures } from './procedures';

describe('every procedure declares who may call it', () => {
  const procedures = allProcedures();

  it('walks the whole router', () => {
    expect(procedures.length).toBeGreaterThan(5);
    expect(procedures.map((p) => p.path)).toContain('schools.updateNotes');
  });

  it.each(procedures)('$path has an access rule', ({ meta }) => {
    expect(meta?.access).toBeDefined();
    const access = meta?.access;
    expect([
      'public',
      'authed',
      'superadmin',
      'tenant',
      'renewal-link',
      'joining',
      'account',
      'emailed-link',
      'account-link',
    ]).toContain(access?.kind);
    // A tenant procedure names its module (or `core`), so switching a module off refuses all of it.
    if (access?.kind === 'tenant') expect([...moduleKeys, 'core']).toContain(access.module);
    if (access?.kind === 'tenant' && access.roles !== 'any-member') {
      expect(access.roles.length).toBeGreaterThan(0);
      for (const role of access.roles) expect(roles).toContain(role);
    }
  });

  it('has no public or authed mutation (every change is audited: in a workspace, or in the platform log)', () => {
    const audited = [
      'tenant',
      'renewal-link',
      'joining',
      'superadmin',
      'account',
      'account-link',
      'emailed-link',
    ];
    const loose = procedures.filter(
      (p) => p.type === 'mutation' && !audited.includes(p.meta?.access.kind ?? ''),
    );
    expect(loose.map((p) => p.path)).toEqual([]);
  });

  it('keeps platform administration to the platform router, joining to the joining router and a person’s own account to the account router', () => {
    const platform = procedures.filter((p) => p.meta?.access.kind === 'superadmin').map((p) => p.path);
    expect(platform.length).toBeGreaterThan(0);
    expect(platform.every((p) => p.startsWith('platform.'))).toBe(true);
    const joining = procedures.filter((p) => p.meta?.access.kind === 'joining').map((p) => p.path);
    expect(joining.sort()).toEqual(['joining.accept', 'joining.invitation', 'joining.requestAccess']);
    const account = procedures.filter((p) => p.meta?.access.kind === 'account').map((p) => p.path);
    expect(account.sort()).toEqual([
      'account.cancelSignInAddressChange',
      'account.mine',
      'account.requestSignInAddressChange',
      'account.update',
    ]);
    const accountLinks = procedures.filter((p) => p.meta?.access.kind === 'account-link').map((p) => p.path);
    expect(accountLinks.sort()).toEqual(['account.confirmSignInAddressChange', 'account.signInAddressLink']);
  });

  it('keeps one-click link procedures to the renewals router', () => {
    const links = procedures.filter((p) => p.meta?.access.kind === 'renewal-link').map((p) => p.path);
    expect(links.sort()).toEqual(['renewals.offer', 'renewals.respond']);
  });

  it('keeps changes by an emailed link (the token the credential) to the delegate’s and the bulletin’s links', () => {
    const links = procedures.filter((p) => p.meta?.access.kind === 'emailed-link').map((p) => p.path);
    expect(links.sort()).toEqual([
      'bulletinLinks.subscribe',
      'bulletinLinks.unsubscribe',
      'courseCatalogue.claimOffer',
      'courseCatalogue.saveNeeds',
      'courseCatalogue.sendEvaluation',
      'courseCatalogue.sendPlaceEvaluation',
    ]);
  });
});
