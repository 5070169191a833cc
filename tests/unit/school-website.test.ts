import { describe, expect, it } from 'vitest';
import { schoolWebsiteHref, telephoneHref } from '~/server/schools/school-website';

describe('a school’s GIAS website and telephone as links', () => {
  it('adds the scheme GIAS leaves out and keeps one it gives', () => {
    expect(schoolWebsiteHref('www.oakfield.sch.uk')).toBe('https://www.oakfield.sch.uk/');
    expect(schoolWebsiteHref('http://www.school1.example/about')).toBe('http://www.school1.example/about');
  });

  it('does not link what is not a web address', () => {
    for (const text of [
      null,
      '',
      'javascript:alert(1)',
      'mailto:head@school.example',
      'not a site',
      'localhost',
    ])
      expect(schoolWebsiteHref(text)).toBeNull();
  });

  it('dials the digits of a telephone number', () => {
    expect(telephoneHref('0121 464 0000')).toBe('tel:01214640000');
    expect(telephoneHref('+44 (0)20 8959 1234')).toBe('tel:+4402089591234');
    expect(telephoneHref('')).toBeNull();
    expect(telephoneHref(null)).toBeNull();
  });
});
