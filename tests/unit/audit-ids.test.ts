import { describe, expect, it } from 'vitest';
import { idsOf } from '~/server/audit/record-audit';

describe('idsOf', () => {
  it('picks id and …Id string fields', () => {
    expect(
      idsOf({ id: 'a1', schoolId: 's1', tenantId: 't1', name: 'Coppetts Wood', role: 'governor' }),
    ).toEqual({
      id: 'a1',
      schoolId: 's1',
      tenantId: 't1',
    });
  });

  it('keeps empty-string ids', () => {
    expect(idsOf({ id: '' })).toEqual({ id: '' });
  });

  it('ignores id-like fields that are not strings', () => {
    expect(
      idsOf({
        id: 42,
        userId: null,
        schoolId: undefined,
        tenantId: true,
        courseId: ['c1'],
        invoiceId: { id: 'i1' },
        bookingId: 7n,
      }),
    ).toEqual({});
  });

  it('does not look inside nested objects or arrays', () => {
    expect(idsOf({ school: { id: 's1', tenantId: 't1' }, members: [{ userId: 'u1' }], id: 'top' })).toEqual({
      id: 'top',
    });
  });

  it('matches the Id suffix case-sensitively and only as a suffix', () => {
    expect(
      idsOf({
        ID: 'x',
        Id: 'x',
        schoolid: 'x',
        schoolID: 'x',
        identity: 'x',
        idea: 'x',
        ids: 'x',
        paid: 'x',
        userId: 'u1',
      }),
    ).toEqual({ Id: 'x', userId: 'u1' });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'id'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', [{ id: 'a1' }]],
    ['an array of ids', ['a1', 'a2']],
  ])('returns {} for %s', (_label, value) => {
    expect(idsOf(value)).toEqual({});
  });

  it('returns {} for an object without ids', () => {
    expect(idsOf({})).toEqual({});
    expect(idsOf({ name: 'x', count: 3 })).toEqual({});
  });

  it('returns a fresh object that does not alias the input', () => {
    const input = { id: 'a1' };
    const ids = idsOf(input);
    expect(ids).not.toBe(input);
    ids.id = 'changed';
    expect(input.id).toBe('a1');
  });

  it('reads own enumerable fields only', () => {
    const proto = { inheritedId: 'p1' };
    const value: Record<string, unknown> = Object.create(proto);
    value.id = 'a1';
    Object.defineProperty(value, 'hiddenId', { value: 'h1', enumerable: false });
    expect(idsOf(value)).toEqual({ id: 'a1' });
  });
});
