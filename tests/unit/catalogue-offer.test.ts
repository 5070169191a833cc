import { describe, expect, it } from 'vitest';
import { catalogueOffer } from '~/server/courses/catalogue-offer';

describe('what a public catalogue says it offers', () => {
  it('names ECT induction and governor training only where the workspace runs them', () => {
    expect(catalogueOffer(['courses'], ['cpd']).lead).toBe(
      'CPD courses, subject networks and headteacher seminars.',
    );
    expect(catalogueOffer(['courses', 'induction'], []).lead).toBe(
      'CPD courses, subject networks, headteacher seminars and ECT induction.',
    );
    expect(catalogueOffer(['courses', 'induction', 'governance'], []).summary).toBe(
      'CPD courses, networks, ECT induction and governor training',
    );
  });

  it('still names a programme whose module was switched off while its courses are open for booking', () => {
    expect(catalogueOffer(['courses'], ['cpd', 'governor_training']).summary).toBe(
      'CPD courses, networks and governor training',
    );
  });
});
