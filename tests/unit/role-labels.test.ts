import { describe, expect, it } from 'vitest';
import { invitableRoles, roleLabelIn } from '~/server/workspaces/role-labels';

describe('roles as a workspace names and uses them', () => {
  it('offers only the roles a workspace has a use for', () => {
    const partnership = invitableRoles('provider', ['traded', 'courses']);
    expect(partnership).toEqual(
      expect.arrayContaining(['tenant_admin', 'adviser', 'school_admin', 'school_staff']),
    );
    // No governance or induction, and not a local authority: no governors, ECTs or LA officers to invite.
    expect(partnership).not.toContain('governor');
    expect(partnership).not.toContain('ect');
    expect(partnership).not.toContain('la_officer');
    expect(invitableRoles('la', ['governance', 'induction'])).toEqual(
      expect.arrayContaining(['governor', 'ect', 'la_officer']),
    );
    expect(invitableRoles('appropriate_body', ['induction'])).toContain('ect');
  });

  it('names a role the same way everywhere in one workspace', () => {
    expect(roleLabelIn('la', 'tenant_admin')).toBe('Manager (head of school improvement)');
    expect(roleLabelIn('provider', 'tenant_admin')).toBe('Manager (partnership manager)');
    expect(roleLabelIn('appropriate_body', 'tenant_admin')).toBe('Manager (induction lead)');
    // A role the kind does not name keeps its general label.
    expect(roleLabelIn('appropriate_body', 'governor')).toBe('Governor');
  });
});
