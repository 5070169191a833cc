import type { SeedSchool } from './demo-data';

/**
 * The GIAS telephone, website and trust a demo school would carry, so its page shows them as an imported
 * school's does. The numbers are from Ofcom's ranges kept for drama (020 7946 0xxx in London, 0121 496 0xxx in
 * Birmingham, 01632 960xxx elsewhere) and the websites are under the reserved .example domain: none reaches a
 * real school. Academies and free schools belong to one of two made-up trusts in their area.
 */
export function demoSchoolContacts(s: SeedSchool): {
  telephone: string;
  website: string;
  trustName: string | null;
} {
  const line = String(s.urn % 1000).padStart(3, '0');
  const telephone =
    s.laName === 'Birmingham'
      ? `0121 496 0${line}`
      : s.laName === 'Hertfordshire'
        ? `01632 960${line}`
        : `020 7946 0${line}`;
  const slug = s.name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const inTrust = s.typeGroup === 'Academies' || s.typeGroup === 'Free Schools';
  const trusts = demoTrusts[s.laName] ?? defaultTrusts;
  return {
    telephone,
    website: `https://www.${slug}.example`,
    trustName: inTrust ? (trusts[s.urn % trusts.length] ?? null) : null,
  };
}

const defaultTrusts = ['Chiltern Vale Learning Trust'];
const demoTrusts: Record<string, string[]> = {
  Barnet: ['Northway Learning Trust', 'Dollis Valley Academies Trust'],
  Birmingham: ['Tame Valley Academy Trust', 'Rea Brook Schools Partnership'],
  Harrow: ['Harrow Weald Learning Trust', 'Pinner Hill Education Trust'],
};
