import { describe, expect, it } from 'vitest';
import {
  categoryRuleFor,
  frameworkDateProblem,
  frameworkOn,
  resolveCategory,
} from '~/server/monitoring/derive-category';

/**
 * Category of concern derived per framework. Source: /work/shared/domain/README.md, "Current policy
 * (2024–2026)": report cards from 10 Nov 2025 — "requires significant improvement (urgent improvement in any
 * area, or safeguarding not met; replaces 'serious weaknesses') and special measures (leadership and
 * governance at urgent improvement plus another area at urgent improvement or safeguarding not met)";
 * "Single-word overall judgements ended 2 Sep 2024 (Sep 2024–Nov 2025 reports carry four sub-grades)".
 * Legacy wording from 001 (Barnet Part B): "Schools that are deemed to require 'special measures' or to have
 * 'serious weaknesses'".
 */
const expected = {
  inclusion: 'expected',
  curriculum_and_teaching: 'expected',
  achievement: 'expected',
  attendance_and_behaviour: 'expected',
  personal_development: 'expected',
  leadership_and_governance: 'expected',
};
const card = (over: Record<string, string> = {}, safeguarding: 'met' | 'not_met' = 'met') => ({
  framework: 'report_card_2025' as const,
  grades: { ...expected, ...over },
  safeguarding,
});

describe('report cards (from 10 November 2025): the category is derived, never chosen', () => {
  it('any area at urgent improvement: requires significant improvement', () => {
    expect(categoryRuleFor(card({ attendance_and_behaviour: 'urgent_improvement' }))).toMatchObject({
      kind: 'fixed',
      category: 'requires_significant_improvement',
    });
  });

  it('safeguarding not met alone: requires significant improvement', () => {
    expect(categoryRuleFor(card({}, 'not_met'))).toMatchObject({
      category: 'requires_significant_improvement',
    });
  });

  it('leadership and governance at urgent improvement alone: requires significant improvement', () => {
    expect(categoryRuleFor(card({ leadership_and_governance: 'urgent_improvement' }))).toMatchObject({
      category: 'requires_significant_improvement',
    });
  });

  it('leadership at urgent improvement plus another area, or plus safeguarding not met: special measures', () => {
    expect(
      categoryRuleFor(
        card({ leadership_and_governance: 'urgent_improvement', achievement: 'urgent_improvement' }),
      ),
    ).toMatchObject({ category: 'special_measures' });
    expect(
      categoryRuleFor(card({ leadership_and_governance: 'urgent_improvement' }, 'not_met')),
    ).toMatchObject({ category: 'special_measures' });
  });

  it('needs attention brings monitoring, not a category', () => {
    expect(categoryRuleFor(card({ achievement: 'needs_attention' }))).toMatchObject({ category: null });
  });

  it('refuses a category the grades do not give, and serious weaknesses on a report card', () => {
    const urgent = card({ achievement: 'urgent_improvement' });
    expect(resolveCategory(urgent, undefined)).toEqual({ category: 'requires_significant_improvement' });
    expect(resolveCategory(urgent, 'serious_weaknesses')).toHaveProperty('problem');
    expect(resolveCategory(card(), 'special_measures')).toHaveProperty('problem');
  });
});

describe('legacy overall grades and the 2024–25 sub-grades', () => {
  it('grade 4 needs the inspectors’ choice: serious weaknesses or special measures', () => {
    const inadequate = { framework: 'legacy_overall' as const, overallGrade: 4 };
    expect(categoryRuleFor(inadequate)).toMatchObject({
      kind: 'choose',
      choices: ['serious_weaknesses', 'special_measures'],
    });
    expect(resolveCategory(inadequate, undefined)).toHaveProperty('problem');
    expect(resolveCategory(inadequate, 'special_measures')).toEqual({ category: 'special_measures' });
  });

  it('requires significant improvement does not exist for a 2019 grade', () => {
    const result = resolveCategory(
      { framework: 'legacy_overall', overallGrade: 4 },
      'requires_significant_improvement',
    );
    expect(result).toHaveProperty('problem', expect.stringMatching(/not a category of this framework/));
  });

  it('grades 1–3 carry no category: a ticked one is refused', () => {
    expect(resolveCategory({ framework: 'legacy_overall', overallGrade: 3 }, undefined)).toEqual({
      category: null,
    });
    expect(
      resolveCategory({ framework: 'legacy_overall', overallGrade: 3 }, 'serious_weaknesses'),
    ).toHaveProperty('problem');
  });

  it('a sub-grade of 4 in any key judgement needs the choice', () => {
    expect(
      categoryRuleFor({
        framework: 'sub_grades_2024',
        grades: {
          quality_of_education: 3,
          behaviour_and_attitudes: 2,
          personal_development: 2,
          leadership_and_management: 4,
        },
      }),
    ).toMatchObject({ kind: 'choose' });
  });
});

describe('the framework must match the inspection date', () => {
  it.each([
    ['2019-06-05', 'legacy_overall'],
    ['2024-09-01', 'legacy_overall'],
    ['2024-09-02', 'sub_grades_2024'],
    ['2025-11-09', 'sub_grades_2024'],
    ['2025-11-10', 'report_card_2025'],
  ] as const)('%s is %s', (date, framework) => {
    expect(frameworkOn(date)).toBe(framework);
    expect(frameworkDateProblem(framework, date)).toBeNull();
  });

  it('refuses a report card before 10 November 2025 and a legacy grade after 1 September 2024', () => {
    expect(frameworkDateProblem('report_card_2025', '2025-06-01')).toMatch(/Report cards began/);
    expect(frameworkDateProblem('legacy_overall', '2026-01-20')).toMatch(/Overall grades ended/);
    expect(frameworkDateProblem('sub_grades_2024', '2026-01-20')).toMatch(/sub-grades ended/);
  });
});
