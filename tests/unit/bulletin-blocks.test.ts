import { describe, expect, it } from 'vitest';
import { bulletinBlocks } from '~/emails/governor-bulletin';

describe('the bulletin body', () => {
  it('keeps paragraphs and their line breaks, and bulleted lists, even straight after a lead line', () => {
    expect(
      bulletinBlocks(
        'Dear all,\r\nWelcome back.\n\nDates:\n- 12 Jan\n* 3 Feb\n• 9 Mar\nSee you there.\n\n\nBye',
      ),
    ).toEqual([
      { kind: 'p', lines: ['Dear all,', 'Welcome back.'] },
      { kind: 'p', lines: ['Dates:'] },
      { kind: 'ul', items: ['12 Jan', '3 Feb', '9 Mar'] },
      { kind: 'p', lines: ['See you there.'] },
      { kind: 'p', lines: ['Bye'] },
    ]);
  });

  it('a hyphen inside a line, or with no space after it, is not a list', () => {
    expect(bulletinBlocks('Term dates - see below\n-5 degrees')).toEqual([
      { kind: 'p', lines: ['Term dates - see below', '-5 degrees'] },
    ]);
  });
});
