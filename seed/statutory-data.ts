/**
 * Demo data for the statutory module: each LA's categories, its view of every school on its register
 * (LA category, link adviser, Ofsted history in all three shapes), schools causing concern, and the
 * commissioning contracts Birmingham → BEP and Harrow → HSIP. Literal data only; dates are ISO strings.
 */
import type { StatutorySettings } from '~/db/schema/platform';

/** Birmingham's priority list adds "vulnerable" and "in crisis" for good and outstanding schools (003). */
export const statutorySettings: Record<string, StatutorySettings> = {
  barnet: {
    concernListName: 'Schools causing concern',
    leadOfficerTitle: 'Lead Officer',
    // Part B (001): a formal warning notice where the school does not engage, or has been causing concern for
    // more than 12 months and is unlikely to be good within 6 (also: has not acted on a review Ofsted advised).
    formalNoticePreconditions: [
      'The school has not engaged with the support and challenge offered',
      'Causing concern for more than 12 months and unlikely to be judged good within 6 months',
      'The school has not acted on a review recommended by Ofsted',
    ],
  },
  birmingham: {
    concernListName: 'Priority schools',
    leadOfficerTitle: 'Priority Partner',
    // "Inadequate" covers every Ofsted category of concern in Birmingham's categorisation (003).
    ofstedCategoryMap: {
      special_measures: 'inadequate',
      serious_weaknesses: 'inadequate',
      requires_significant_improvement: 'inadequate',
    },
    defaultCategory: 'good',
    categories: [
      { key: 'outstanding', label: 'Outstanding', causesConcern: false, visitsPerYear: 1 },
      { key: 'good', label: 'Good', causesConcern: false, visitsPerYear: 2 },
      { key: 'vulnerable', label: 'Good or outstanding – vulnerable', causesConcern: true, visitsPerYear: 6 },
      { key: 'in-crisis', label: 'Good or outstanding – in crisis', causesConcern: true, visitsPerYear: 19 },
      {
        key: 'ri',
        label: 'Requires improvement',
        causesConcern: true,
        visitsPerYear: 6,
        visitsPerYearCapacityNotSecure: 19,
      },
      {
        key: 'inadequate',
        label: 'Inadequate',
        causesConcern: true,
        visitsPerYear: 19,
        statementOfAction: true,
      },
    ],
  },
  harrow: {
    concernListName: 'Schools causing concern',
    leadOfficerTitle: 'Lead Officer',
  },
};

export type SeedInspection = {
  inspectedOn: string;
  /** When the report was published; by default three and a half weeks after the inspection. */
  publishedOn?: string;
  framework: 'legacy_overall' | 'sub_grades_2024' | 'report_card_2025';
  overallGrade?: number;
  grades?: Record<string, string | number>;
  safeguarding?: 'met' | 'not_met';
  categoryOfConcern?: 'serious_weaknesses' | 'special_measures' | 'requires_significant_improvement';
};

export type SeedMonitoring = {
  urn: number;
  category: string;
  capacitySecure?: boolean;
  hasSixthForm?: boolean;
  riskNotes?: string;
  riseInvolvement?: string;
  inspections: SeedInspection[];
};

/** Report-card areas every school has; early years and sixth form are added where the school has them. */
const reportCard = (overrides: Record<string, string> = {}, base = 'expected'): Record<string, string> => ({
  inclusion: base,
  curriculum_and_teaching: base,
  achievement: base,
  attendance_and_behaviour: base,
  personal_development: base,
  leadership_and_governance: base,
  ...overrides,
});

const legacy = (
  inspectedOn: string,
  overallGrade: number,
  extra: Partial<SeedInspection> = {},
): SeedInspection => ({
  inspectedOn,
  framework: 'legacy_overall',
  overallGrade,
  ...extra,
});

/** Schools whose statutory record differs from "good, legacy grade 2 in 2022". Keyed by tenant slug. */
export const monitoringOverrides: Record<string, SeedMonitoring[]> = {
  barnet: [
    {
      urn: 101262,
      category: '1',
      inspections: [legacy('2018-03-14', 2), legacy('2023-02-08', 1)],
    },
    {
      urn: 101270,
      category: '4b',
      capacitySecure: false,
      riskNotes: 'Special measures since March 2026; interim executive headteacher from the summer term.',
      inspections: [
        legacy('2021-11-17', 3),
        {
          inspectedOn: '2026-03-11',
          publishedOn: '2026-03-27',
          framework: 'report_card_2025',
          grades: reportCard({
            leadership_and_governance: 'urgent_improvement',
            achievement: 'urgent_improvement',
            curriculum_and_teaching: 'needs_attention',
          }),
          safeguarding: 'met',
          categoryOfConcern: 'special_measures',
        },
      ],
    },
    {
      urn: 101305,
      category: 'good-of-concern',
      riskNotes:
        'Key stage 2 outcomes fell sharply in 2026; two senior leaders left in July. LNI believes the school would be judged below expected standard if inspected now.',
      inspections: [legacy('2019-06-05', 2)],
    },
    {
      urn: 101335,
      category: '3',
      capacitySecure: true,
      riskNotes: 'New headteacher in post since January 2026; governors engaged.',
      inspections: [
        legacy('2020-01-22', 2),
        {
          inspectedOn: '2026-01-28',
          framework: 'report_card_2025',
          grades: reportCard({ curriculum_and_teaching: 'needs_attention', achievement: 'needs_attention' }),
          safeguarding: 'met',
        },
      ],
    },
    {
      urn: 101358,
      category: '3',
      capacitySecure: false,
      riskNotes: 'Requires improvement at the last two inspections: eligible for RISE.',
      riseInvolvement: 'RISE adviser assigned September 2026; joint visits with the LNI each half term.',
      inspections: [
        legacy('2022-05-11', 3),
        {
          inspectedOn: '2025-03-05',
          framework: 'sub_grades_2024',
          grades: {
            quality_of_education: 3,
            behaviour_and_attitudes: 2,
            personal_development: 2,
            leadership_and_management: 3,
          },
        },
      ],
    },
    {
      urn: 101380,
      category: '2',
      hasSixthForm: true,
      inspections: [legacy('2017-10-04', 2), legacy('2022-11-16', 2)],
    },
    {
      urn: 101376,
      category: '1',
      inspections: [
        legacy('2016-02-03', 1),
        {
          inspectedOn: '2026-05-20',
          framework: 'report_card_2025',
          grades: reportCard({ curriculum_and_teaching: 'strong', achievement: 'exceptional' }, 'strong'),
          safeguarding: 'met',
        },
      ],
    },
    { urn: 138912, category: '2', hasSixthForm: true, inspections: [legacy('2023-06-21', 2)] },
    { urn: 143390, category: '3', inspections: [legacy('2024-03-06', 3)] },
  ],
  birmingham: [
    {
      urn: 103342,
      category: 'ri',
      capacitySecure: false,
      riskNotes: 'Priority school since October 2025. Attendance well below national; high mobility.',
      inspections: [
        legacy('2019-10-09', 3),
        {
          inspectedOn: '2026-02-25',
          framework: 'report_card_2025',
          grades: reportCard({
            attendance_and_behaviour: 'urgent_improvement',
            achievement: 'needs_attention',
            inclusion: 'needs_attention',
          }),
          safeguarding: 'met',
          categoryOfConcern: 'requires_significant_improvement',
        },
      ],
    },
    {
      urn: 103326,
      category: 'vulnerable',
      riskNotes: 'Good at the last inspection; budget deficit and a falling roll. Agreed vulnerable at SIAB.',
      inspections: [legacy('2018-11-21', 2)],
    },
    {
      urn: 103363,
      category: 'in-crisis',
      riskNotes: 'Headteacher absent long-term; chair resigned. Interim leadership brokered by BEP.',
      inspections: [legacy('2017-06-14', 1)],
    },
    {
      urn: 103455,
      category: 'ri',
      capacitySecure: true,
      hasSixthForm: true,
      inspections: [legacy('2023-01-18', 3)],
    },
    {
      urn: 103462,
      category: 'inadequate',
      capacitySecure: false,
      riskNotes: 'Serious weaknesses (legacy judgement). Statement of Action in place.',
      inspections: [legacy('2024-05-15', 4, { categoryOfConcern: 'serious_weaknesses' })],
    },
    { urn: 103305, category: 'good', inspections: [legacy('2022-09-28', 2)] },
    { urn: 103318, category: 'outstanding', inspections: [legacy('2015-05-13', 1)] },
    { urn: 140920, category: 'ri', hasSixthForm: true, inspections: [legacy('2024-02-07', 3)] },
  ],
  harrow: [
    {
      urn: 102241,
      category: '3',
      capacitySecure: true,
      riskNotes: 'Writing outcomes below national for three years.',
      inspections: [
        legacy('2021-12-01', 2),
        {
          inspectedOn: '2026-04-22',
          framework: 'report_card_2025',
          grades: reportCard({ achievement: 'needs_attention' }),
          safeguarding: 'met',
        },
      ],
    },
    {
      urn: 102266,
      category: 'good-of-concern',
      riskNotes: 'Headteacher retiring in December; recruitment under way.',
      inspections: [legacy('2019-03-20', 2)],
    },
    { urn: 102228, category: '1', inspections: [legacy('2014-06-11', 1)] },
    { urn: 102290, category: '2', hasSixthForm: true, inspections: [legacy('2022-03-09', 2)] },
  ],
};

/** The default record for a school not listed above: good, last inspected (legacy grade 2) in 2022. */
export const defaultCategoryBySlug: Record<string, string> = {
  barnet: '2',
  birmingham: 'good',
  harrow: '2',
};

export type SeedCase = {
  urn: number;
  status: 'candidate' | 'designated';
  identifiedOn: string;
  designatedOn?: string;
  triggers: { trigger: string; evidence: string }[];
  concerns: string;
  leadOfficerEmail?: string;
  actionPlan?: {
    kind: 'action_plan' | 'statement_of_action';
    items: {
      priority: string;
      action: string;
      ownerKind: 'school' | 'la' | 'provider' | 'broker';
      ownerName: string;
      milestone: string;
      dueOn: string;
      rag: 'red' | 'amber' | 'green';
    }[];
  };
};

export const sccCasesBySlug: Record<string, SeedCase[]> = {
  barnet: [
    {
      urn: 101270,
      status: 'designated',
      identifiedOn: '2026-03-18',
      designatedOn: '2026-03-25',
      triggers: [
        {
          trigger: 'leadership_breakdown',
          evidence: 'Headteacher resigned February 2026; governing body unable to appoint.',
        },
      ],
      concerns:
        'Special measures (March 2026): leadership and governance and achievement at urgent improvement.',
      leadOfficerEmail: 'la.officer@barnet.example',
      actionPlan: {
        kind: 'statement_of_action',
        items: [
          {
            priority: 'Leadership and governance',
            action: 'Appoint an interim executive headteacher and review governing body skills',
            ownerKind: 'la',
            ownerName: 'Samuel Osei',
            milestone: 'Interim executive headteacher in post',
            dueOn: '2026-09-01',
            rag: 'green',
          },
          {
            priority: 'Achievement',
            action: 'Reading recovery programme for key stage 2 with half-termly assessment',
            ownerKind: 'school',
            ownerName: 'Interim executive headteacher',
            milestone: 'Year 6 reading at age-related expectations above 65%',
            dueOn: '2027-03-31',
            rag: 'amber',
          },
          {
            priority: 'Curriculum and teaching',
            action: 'Brokered support from a strong local school for maths teaching',
            ownerKind: 'broker',
            ownerName: 'BPSI',
            milestone: 'Maths teaching judged secure at monitoring visit',
            dueOn: '2026-12-18',
            rag: 'red',
          },
        ],
      },
    },
    {
      urn: 101335,
      status: 'designated',
      identifiedOn: '2026-02-04',
      designatedOn: '2026-02-11',
      triggers: [],
      concerns: 'Curriculum and teaching and achievement need attention (report card, January 2026).',
      leadOfficerEmail: 'la.officer@barnet.example',
      actionPlan: {
        kind: 'action_plan',
        items: [
          {
            priority: 'Curriculum and teaching',
            action: 'Subject leader development for foundation subjects',
            ownerKind: 'school',
            ownerName: 'Mrs Bernadette Keane',
            milestone: 'Curriculum maps for all foundation subjects',
            dueOn: '2026-12-11',
            rag: 'amber',
          },
          {
            priority: 'Achievement',
            action: 'LNI deep dive into key stage 1 phonics',
            ownerKind: 'la',
            ownerName: "Rachel O'Connor",
            milestone: 'Phonics screening pass rate at national',
            dueOn: '2027-06-30',
            rag: 'green',
          },
        ],
      },
    },
    {
      urn: 101305,
      status: 'candidate',
      identifiedOn: '2026-10-14',
      triggers: [
        {
          trigger: 'la_judges_below_standard',
          evidence:
            'LNI visit October 2026: teaching in upper key stage 2 weak; leaders do not yet know why.',
        },
        {
          trigger: 'low_or_declining_achievement',
          evidence:
            'KS2 combined RWM fell from 64% to 41% in 2026 with no evidence of capacity to reverse it.',
        },
      ],
      concerns: 'Sharp decline in KS2 outcomes after senior leadership changes.',
    },
  ],
  birmingham: [
    {
      urn: 103342,
      status: 'designated',
      identifiedOn: '2025-09-10',
      designatedOn: '2025-10-01',
      triggers: [],
      concerns:
        'Attendance and behaviour at urgent improvement (requires significant improvement, Feb 2026).',
      leadOfficerEmail: 'adviser@birmingham.example',
      actionPlan: {
        kind: 'statement_of_action',
        items: [
          {
            priority: 'Attendance',
            action: 'Attendance improvement partnership with the LA attendance service',
            ownerKind: 'la',
            ownerName: 'Birmingham attendance service',
            milestone: 'Persistent absence below 20%',
            dueOn: '2027-02-12',
            rag: 'amber',
          },
          {
            priority: 'Behaviour',
            action: 'BEP Priority Partner support: behaviour policy review and staff training',
            ownerKind: 'provider',
            ownerName: 'BEP',
            milestone: 'Suspensions halved against autumn 2025',
            dueOn: '2026-12-18',
            rag: 'green',
          },
        ],
      },
    },
    {
      urn: 103326,
      status: 'designated',
      identifiedOn: '2025-09-10',
      designatedOn: '2025-10-01',
      triggers: [
        { trigger: 'la_judges_below_standard', evidence: 'Budget deficit of 8% with staffing restructure.' },
      ],
      concerns: 'Vulnerable: financial difficulty and a falling roll.',
      leadOfficerEmail: 'adviser@birmingham.example',
    },
    {
      urn: 103363,
      status: 'designated',
      identifiedOn: '2026-09-09',
      designatedOn: '2026-09-23',
      triggers: [
        {
          trigger: 'leadership_breakdown',
          evidence: 'Headteacher on long-term absence; chair of governors resigned September 2026.',
        },
      ],
      concerns: 'In crisis: leadership and governance breakdown.',
      leadOfficerEmail: 'kwame.boateng@birmingham.example',
    },
    {
      urn: 103462,
      status: 'designated',
      identifiedOn: '2024-05-22',
      designatedOn: '2024-06-05',
      triggers: [],
      concerns: 'Serious weaknesses (May 2024).',
      leadOfficerEmail: 'kwame.boateng@birmingham.example',
    },
  ],
  harrow: [
    {
      urn: 102241,
      status: 'designated',
      identifiedOn: '2026-05-06',
      designatedOn: '2026-05-13',
      triggers: [],
      concerns: 'Achievement needs attention (report card, April 2026).',
      leadOfficerEmail: 'la.officer@harrow.example',
    },
  ],
};

export type SeedContract = {
  laSlug: string;
  providerSlug: string;
  title: string;
  scope: string;
  annualValuePence: number;
  startsOn: string;
  endsOn: string;
  breakClause: string;
  schools: { urn: number; fundedDays: number; supportSummary: string; partnerEmail?: string }[];
  deliveries: {
    urn: number;
    deliveredOn: string;
    partnerEmail: string;
    days: number;
    costPence: number;
    activity: string;
    progressRag: 'red' | 'amber' | 'green';
  }[];
};

export const contracts: SeedContract[] = [
  {
    laSlug: 'birmingham',
    providerSlug: 'bep',
    title: 'School improvement service for schools causing concern 2026–28',
    scope:
      'Priority Partner support, action planning and monitoring for maintained priority schools; monthly reports to the commissioner.',
    annualValuePence: 108_000_000,
    startsOn: '2026-09-01',
    endsOn: '2028-08-31',
    breakClause: 'Either party may end the contract at the end of the first year on six months’ notice.',
    schools: [
      {
        urn: 103342,
        fundedDays: 20,
        supportSummary: 'Priority Partner: attendance and behaviour',
        partnerEmail: 'adviser@bep.example',
      },
      {
        urn: 103326,
        fundedDays: 8,
        supportSummary: 'Financial recovery and leadership coaching',
        partnerEmail: 'adviser@bep.example',
      },
      {
        urn: 103363,
        fundedDays: 15,
        supportSummary: 'Interim leadership brokerage and governance review',
        partnerEmail: 'harpreet.virdee@bep.example',
      },
    ],
    deliveries: [
      {
        urn: 103342,
        deliveredOn: '2026-09-16',
        partnerEmail: 'adviser@bep.example',
        days: 1,
        costPence: 60_000,
        activity: 'Priority Partner visit: action plan review with the headteacher',
        progressRag: 'amber',
      },
      {
        urn: 103342,
        deliveredOn: '2026-10-07',
        partnerEmail: 'adviser@bep.example',
        days: 0.5,
        costPence: 30_000,
        activity: 'Behaviour policy workshop for middle leaders',
        progressRag: 'green',
      },
      {
        urn: 103363,
        deliveredOn: '2026-10-01',
        partnerEmail: 'harpreet.virdee@bep.example',
        days: 2,
        costPence: 120_000,
        activity: 'Interim headteacher induction and governance review',
        progressRag: 'red',
      },
    ],
  },
  {
    laSlug: 'harrow',
    providerSlug: 'hsip',
    title: 'Support for Harrow schools causing concern 2026/27',
    scope: 'Adviser days for maintained schools causing concern, brokered by HSIP.',
    annualValuePence: 4_500_000,
    startsOn: '2026-09-01',
    endsOn: '2027-08-31',
    breakClause: '',
    schools: [
      {
        urn: 102241,
        fundedDays: 6,
        supportSummary: 'Writing across key stage 2',
        partnerEmail: 'adviser@hsip.example',
      },
    ],
    deliveries: [
      {
        urn: 102241,
        deliveredOn: '2026-10-13',
        partnerEmail: 'adviser@hsip.example',
        days: 1,
        costPence: 60_000,
        activity: 'Writing moderation with year 5 and 6 teachers',
        progressRag: 'amber',
      },
    ],
  },
];

/** A note of visit in each state of its workflow, so the demo shows drafting, sending, agreeing and sharing. */
export type SeedNoteOfVisit = {
  urn: number;
  adviserEmail: string;
  visitedOn: string;
  status: 'draft' | 'sent' | 'commented' | 'agreed' | 'shared';
  content: import('~/db/schema/monitoring').NoteOfVisitContent;
  headteacherComment?: string;
  /** Who agreed it (the school's headteacher) and when; shared notes also have sharedOn. */
  agreedByEmail?: string;
  sentOn?: string;
  agreedOn?: string;
  sharedOn?: string;
};

export const notesOfVisitBySlug: Record<string, SeedNoteOfVisit[]> = {
  barnet: [
    {
      urn: 101335,
      adviserEmail: 'adviser@barnet.example',
      visitedOn: '2026-10-14',
      status: 'shared',
      sentOn: '2026-10-16',
      agreedOn: '2026-10-20',
      sharedOn: '2026-10-22',
      agreedByEmail: 'head@stcatherines.sch.example',
      content: {
        focusKind: 'sev_focus',
        focusAreas: [
          {
            area: 'Curriculum intent and how pupils are learning the curriculum',
            judgement: 'Emerging',
            schoolGrade: 'Secure',
            disagreement:
              'The reading curriculum is newly planned but not yet taught consistently in Years 1 and 2; outcomes in the phonics check fell in 2026.',
            commentary:
              'Leaders have rewritten the English and mathematics curriculum since the January inspection. Sequencing is clear in the plans; teaching does not yet follow them consistently.',
          },
          {
            area: 'Behaviour, attendance and routines',
            judgement: 'Secure',
            schoolGrade: 'Secure',
            commentary: 'Calm classrooms and well-established routines. Attendance is in line with national.',
          },
          {
            area: 'Provision for disadvantaged pupils and pupils with SEND',
            judgement: 'Emerging',
            schoolGrade: 'Emerging',
            commentary:
              'The new SENCo has reviewed every support plan; impact is not yet visible in outcomes.',
          },
        ],
        strengths:
          'The new headteacher has an accurate view of the school. Governors are well informed and challenge leaders.',
        areasForDevelopment:
          'Consistency of phonics teaching in KS1. Precision of targets in SEND support plans.',
        agreedActions: [
          {
            action: 'Phonics refresher training for all KS1 staff',
            owner: 'Deputy headteacher',
            dueBy: '2026-11-30',
          },
          {
            action: 'Review SEND support plans with the LA SEND adviser',
            owner: 'SENCo',
            dueBy: '2026-12-11',
          },
        ],
      },
    },
    {
      urn: 101262,
      adviserEmail: 'adviser@barnet.example',
      visitedOn: '2026-11-17',
      status: 'sent',
      sentOn: '2026-11-19',
      content: {
        focusKind: 'sev_focus',
        focusAreas: [
          {
            area: 'How well leaders equip staff to teach and support pupils',
            judgement: 'Highly Effective',
            schoolGrade: 'Highly Effective',
            commentary:
              'A strong programme of coaching for early career teachers, led by the deputy headteacher.',
          },
          {
            area: 'Safeguarding procedures and culture',
            judgement: 'Secure',
            schoolGrade: 'Secure',
            commentary: 'The single central record is complete; staff know how to raise a concern.',
          },
        ],
        strengths: 'High-quality professional development; a culture of vigilance.',
        areasForDevelopment: 'Share the coaching model with other Barnet schools through the network.',
        agreedActions: [
          {
            action: 'Present the coaching model at the spring network meeting',
            owner: 'Deputy headteacher',
            dueBy: '2027-03-05',
          },
        ],
      },
    },
    {
      urn: 101358,
      adviserEmail: 'adviser@barnet.example',
      visitedOn: '2026-11-20',
      status: 'draft',
      content: {
        focusKind: 'deep_dive',
        deepDiveSubject: 'Mathematics',
        focusAreas: [
          {
            area: 'Mathematics: intent',
            judgement: 'Secure',
            commentary: 'A coherent, well-sequenced scheme.',
          },
          {
            area: 'Mathematics: implementation',
            judgement: 'Emerging',
            commentary: 'Fluency practice is irregular.',
          },
          {
            area: 'Mathematics: impact',
            judgement: 'Emerging',
            commentary: 'KS2 outcomes below national in 2026.',
          },
          {
            area: 'Provision for disadvantaged pupils',
            judgement: 'Emerging',
            commentary: 'Gaps are not closing.',
          },
          {
            area: 'Provision for pupils with SEND',
            judgement: 'Secure',
            commentary: 'Well-adapted resources.',
          },
        ],
        strengths: 'A clear mathematics scheme.',
        areasForDevelopment: 'Daily fluency practice; tracking of disadvantaged pupils.',
        agreedActions: [],
      },
    },
    {
      urn: 101270,
      adviserEmail: 'tomasz.nowicki@barnet.example',
      visitedOn: '2026-11-05',
      status: 'commented',
      sentOn: '2026-11-06',
      headteacherComment:
        'The attendance figures quoted are from the summer term; this half term attendance is 94.8%. Please update.',
      content: {
        focusKind: 'sev_focus',
        focusAreas: [
          {
            area: 'Behaviour, attendance and routines',
            judgement: 'Emerging',
            schoolGrade: 'Secure',
            disagreement: 'Persistent absence remains well above the Barnet average.',
            commentary: 'Routines are improving under the interim executive headteacher.',
          },
        ],
        strengths: 'Rapid improvement in behaviour since the summer.',
        areasForDevelopment: 'Persistent absence.',
        agreedActions: [
          {
            action: 'Weekly attendance panel with the EWO',
            owner: 'Interim executive headteacher',
            dueBy: '2026-12-18',
          },
        ],
      },
    },
  ],
};

/**
 * Headteachers the LA writes to about concern who have no Stride account (letters go to school_contacts too).
 * Keyed by tenant slug.
 */
export const concernContactsBySlug: Record<string, { urn: number; name: string; email: string }[]> = {
  barnet: [{ urn: 101305, name: 'Mr Simon Hartley', email: 'head@underhill.sch.example' }],
};
