import { describe, expect, it } from 'vitest';
import { actionLabel } from '~/server/format/action-label';

describe('actionLabel', () => {
  it('puts a procedure in words', () => {
    expect(actionLabel('invoices.creditNote')).toBe('Invoices: credit note');
    expect(actionLabel('courses.leaveWaitingList')).toBe('Courses: leave waiting list');
    expect(actionLabel('platform.createWorkspace')).toBe('Create workspace');
  });
  it('names scheduled jobs and the special cases', () => {
    expect(actionLabel('job:course-hold-expiry')).toBe('Scheduled job: course hold expiry');
    expect(actionLabel('platform.adminFromConfiguration')).toBe(
      'Platform administrator added (PLATFORM_ADMIN_EMAILS)',
    );
  });
});
