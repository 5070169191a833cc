import { describe, expect, it } from 'vitest';
import { schoolOpenedLine, schoolStatusWithDate } from '~/server/schools/school-status';

describe('schoolStatusWithDate', () => {
  it('says the day a closed school closed, or is to close, where GIAS gives one', () => {
    expect(schoolStatusWithDate({ status: 'closed', closedOn: '2025-08-31' })).toBe(
      'Closed on 31 August 2025',
    );
    expect(schoolStatusWithDate({ status: 'proposed_to_close', closedOn: '2027-08-31' })).toBe(
      'Open, but proposed to close on 31 August 2027',
    );
  });

  it('is GIAS’s status alone without a close date', () => {
    expect(schoolStatusWithDate({ status: 'closed', closedOn: null })).toBe('Closed');
    expect(schoolStatusWithDate({ status: 'open', closedOn: null })).toBe('Open');
  });
});

describe('schoolOpenedLine', () => {
  it('says the day GIAS gives for the opening, en-GB; nothing without one', () => {
    expect(schoolOpenedLine({ openedOn: '2014-09-01' })).toBe('Opened 1 September 2014');
    expect(schoolOpenedLine({ openedOn: null })).toBeNull();
  });
});
