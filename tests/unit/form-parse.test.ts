import { describe, expect, it } from 'vitest';
import { parseNumber, parsePounds, poundsToPence } from '~/app/_components/form-parse';

describe('form kit: reading numbers and money as typed', () => {
  it('reads pounds with a sign, commas and spaces, and refuses what is not money', () => {
    expect(parsePounds('£3,900.50')).toBe(3900.5);
    expect(parsePounds(' 450 ')).toBe(450);
    expect(parsePounds('')).toBeNull();
    expect(parsePounds('12.345')).toMatch(/Enter an amount in pounds/);
    expect(parsePounds('-5')).toMatch(/Enter an amount in pounds/);
  });

  it('turns pounds into whole pence, empty into 0 and what cannot be read into NaN for the server to refuse', () => {
    expect(poundsToPence('1,234.56')).toBe(123456);
    expect(poundsToPence('0.1')).toBe(10);
    expect(poundsToPence('ten')).toBeNaN();
    expect(poundsToPence('')).toBe(0);
  });

  it('reads numbers, whole or not, negative only when asked', () => {
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber('0.5')).toBe(0.5);
    expect(parseNumber('1.5', { whole: true })).toBe('Enter a whole number.');
    expect(parseNumber('-0.5')).toBe('Enter a number.');
    expect(parseNumber('\u22120.5', { negative: true })).toBe(-0.5);
    expect(parseNumber('-2', { whole: true, negative: true })).toBe(-2);
    expect(parseNumber('  ')).toBeNull();
  });
});
