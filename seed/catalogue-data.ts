import type { TCreateCatalogueItemInput } from '~/server/catalogue/catalogue-inputs';

/**
 * Demo catalogues, modelled on the source documents: Harrow's HSIP Appendix 1 packages and prices (2010, kept as
 * printed), Barnet's BPSI hours and reviews, and a banded BEP membership. Prices are in pounds as a manager types them.
 */
type Item = Omit<TCreateCatalogueItemInput, 'academicYear'>;

/**
 * HSIP: Appendix 1 of /work/shared/seeds/004_d15cda0b2b0bc494.txt, line by line (line numbers in comments). Each
 * line's standalone price is the document's "Cost Outside Partnership Agreement" for one, so "bought
 * separately" adds up to Harrow's own tables (tests/unit/hsip-catalogue.test.ts).
 */
export const hsip: Item[] = [
  {
    kind: 'package',
    code: 'HSIP-ACL',
    name: 'Advisory, curriculum and leadership',
    description:
      'Core school improvement support for the year, with a school review every two years (004 lines 371–395).',
    pricingBasis: 'school',
    memberPrice: 3900, // line 392: Fees £3,900 (partnership agreement)
    nonMemberPrice: 4800, // line 392: Fees £4,800 (outside)
    lines: [
      // line 386: 3 x days – Advisory/Consultancy support from Senior School Improvement Adviser, £1,800
      { unit: 'adviser_day', quantity: 3, description: '3 adviser days', standaloneUnitPrice: 600 },
      // line 387: 3 x ½ days – Specialist Adviser Support (to be defined by individual schools), £900
      {
        unit: 'adviser_half_day',
        quantity: 3,
        category: 'Specialist',
        description: '3 × ½ day specialist adviser support',
        standaloneUnitPrice: 300,
      },
      // line 388: 2 x ½ days Inspection Support, £600
      {
        unit: 'adviser_half_day',
        quantity: 2,
        category: 'Inspection support',
        description: '2 × ½ day inspection support',
        standaloneUnitPrice: 300,
      },
      // line 389: 3 x HT/Senior Manager Seminars, £210 (equivalent) = £70 a place
      {
        unit: 'network_place',
        quantity: 3,
        category: 'Headteacher seminars',
        description: '3 headteacher/senior manager seminar places',
        standaloneUnitPrice: 70,
      },
      // line 390: Biannual School Review (4 adviser days), £1,200 (equivalent to 2 adviser days per year)
      {
        unit: 'adviser_day',
        quantity: 2,
        category: 'School review',
        description: 'School review every two years (4 adviser days): the equivalent of 2 days a year',
        standaloneUnitPrice: 600,
      },
      // line 391: 3 x Phase Specific Subject Leader networks for statutory core, £105 (equivalent) = £35 a place
      {
        unit: 'network_place',
        quantity: 3,
        category: 'Subject-leader networks',
        description: '3 phase-specific subject-leader network places',
        standaloneUnitPrice: 35,
      },
    ],
  },
  {
    kind: 'package',
    code: 'HSIP-GOV',
    name: 'Governor training, advice and information',
    description:
      'Training, the governors’ conference, a bulletin and guidance for the governing body (004 lines 397–428).',
    pricingBasis: 'governing_body',
    memberPrice: 850, // line 423: £850.00
    nonMemberPrice: 1078, // line 423: minimum charge £1,078.00
    minimumPrice: 1078,
    lines: [
      // line 412: national training programme for clerks and chairs, £155.00 per place
      {
        unit: 'course_place',
        quantity: 1,
        category: 'Chairs and clerks training',
        description: 'National training programme for chairs and clerks: 1 place',
        standaloneUnitPrice: 155,
      },
      // line 413: distance learning support for national training programmes, £50.00 per programme
      {
        unit: 'course_place',
        quantity: 1,
        category: 'Chairs and clerks distance learning',
        description: 'Distance learning support for the chairs’ or clerks’ programme',
        standaloneUnitPrice: 50,
      },
      // line 414: courses in the governors' development programme, £45.00 per course
      {
        unit: 'course_place',
        quantity: 1,
        category: 'Governor courses',
        description: 'Governors’ development programme: 1 course',
        standaloneUnitPrice: 45,
      },
      // line 415: governors' year book for all governors, £9.00 per copy
      {
        unit: 'resource',
        quantity: 1,
        category: 'Governors’ year book',
        description: 'Governors’ year book',
        standaloneUnitPrice: 9,
      },
      // line 416: governors' conference – unlimited places, £60.00 per place
      {
        unit: 'network_place',
        quantity: null,
        category: 'Governors’ conference',
        description: 'Governors’ conference: unlimited places',
        standaloneUnitPrice: 60,
      },
      // line 417: guidance documents on governing body issues, £70.00 per governing body
      {
        unit: 'resource',
        quantity: 1,
        category: 'Governing body guidance',
        description: 'Guidance documents on governing body issues',
        standaloneUnitPrice: 70,
      },
      // line 418: literature to support governor recruitment, £70.00 per governing body
      {
        unit: 'resource',
        quantity: 1,
        category: 'Governor recruitment literature',
        description: 'Literature for the school’s own governor recruitment',
        standaloneUnitPrice: 70,
      },
      // line 419: up to one half day school-based training session or one consultancy visit, £300.00
      {
        unit: 'adviser_half_day',
        quantity: 1,
        category: 'Governor session',
        description: '½ day school-based governor training or one consultancy visit',
        standaloneUnitPrice: 300,
      },
      // line 420: on-line training courses for governors, £99.00 per school
      {
        unit: 'governor_item',
        quantity: 1,
        category: 'Online training',
        description: 'Online training courses for governors',
        standaloneUnitPrice: 99,
      },
      // line 421: termly governors' bulletin for all governors, £150.00 per governing body
      {
        unit: 'resource',
        quantity: 1,
        category: 'Governors’ bulletin',
        description: 'Termly governors’ bulletin',
        standaloneUnitPrice: 150,
      },
      // line 422: termly guidance on the content of GB agendas, £70.00 per governing body
      {
        unit: 'resource',
        quantity: 1,
        category: 'Agenda guidance',
        description: 'Termly guidance on governing body agendas',
        standaloneUnitPrice: 70,
      },
    ],
  },
  {
    kind: 'package',
    code: 'HSIP-ECT',
    name: 'ECT induction',
    description:
      'Induction programme (34 sessions), school-based support, guidance and induction tutor training (004 lines 430–446, for NQTs then).',
    pricingBasis: 'ect',
    memberPrice: 450, // line 446: £450 per NQT
    nonMemberPrice: 3690, // line 446: £3,690 (if all provision is taken up)
    lines: [
      // line 442: induction programme of 34 sessions – 8 full days; 22 half days; 4 twilight, £2,760 per NQT
      {
        unit: 'ect_induction',
        quantity: 1,
        description: 'Induction programme: 8 full, 22 half and 4 twilight sessions',
        standaloneUnitPrice: 2760,
      },
      // line 443: school-based advice and support on induction – up to 2 half days, £600
      {
        unit: 'adviser_half_day',
        quantity: 2,
        category: 'ECT support',
        description: 'Up to 2 × ½ day school-based induction support',
        standaloneUnitPrice: 300,
      },
      // line 444: written guidance on induction and assessment procedures, £50 per school
      {
        unit: 'resource',
        quantity: 1,
        category: 'Induction guidance',
        description: 'Written guidance on induction and assessment',
        standaloneUnitPrice: 50,
      },
      // line 445: induction tutor training – 4 half day sessions, £280
      {
        unit: 'course_place',
        quantity: 4,
        category: 'Induction tutor training',
        description: '4 × ½ day induction tutor training sessions',
        standaloneUnitPrice: 70,
      },
    ],
  },
  {
    kind: 'package',
    code: 'HSIP-EMA',
    name: 'Ethnic minority achievement',
    description:
      'Training and community consultation to raise the achievement of ethnic minority pupils (004 lines 474–488).',
    pricingBasis: 'school',
    memberPrice: 2800, // line 488: £2,800
    nonMemberPrice: 3600, // line 488: £3,600
    lines: [
      // line 486: school-based training, advice and consultancy on EMA – 6 x ½ days, £1,800
      {
        unit: 'adviser_half_day',
        quantity: 6,
        category: 'EMA training',
        description: '6 × ½ day school-based training, advice and consultancy',
        standaloneUnitPrice: 300,
      },
      // line 487: communication and consultation with EM communities and parent groups – 6 x ½ days, £1,800
      {
        unit: 'adviser_half_day',
        quantity: 6,
        category: 'EMA community consultation',
        description: '6 × ½ day consultation with communities and parent groups',
        standaloneUnitPrice: 300,
      },
    ],
  },
  // line 394: discount of 20% on bespoke training courses and consultancy costs (an adviser day ≈ £600)
  {
    kind: 'service',
    code: 'HSIP-CONSULT',
    name: 'Consultancy day',
    pricingBasis: 'day',
    memberPrice: 480,
    nonMemberPrice: 600,
    memberDiscountPercent: 20,
    draws: { unit: 'adviser_day', quantity: 1 },
  },
  {
    kind: 'service',
    code: 'HSIP-HALF',
    name: 'Consultancy half day',
    description:
      'Draws a half day the adviser chooses from the school’s lines (specialist, inspection support…).',
    pricingBasis: 'half_day',
    memberPrice: 240,
    nonMemberPrice: 300,
    memberDiscountPercent: 20,
    draws: { unit: 'adviser_half_day', quantity: 1 },
  },
  // line 387: the package's specialist half days, used one at a time
  {
    kind: 'service',
    code: 'HSIP-SPECIALIST',
    name: 'Specialist adviser support (½ day)',
    pricingBasis: 'half_day',
    memberPrice: 240,
    nonMemberPrice: 300,
    memberDiscountPercent: 20,
    draws: { unit: 'adviser_half_day', quantity: 1, category: 'Specialist' },
  },
  // line 388: the package's inspection-support half days
  {
    kind: 'service',
    code: 'HSIP-INSPECT',
    name: 'Inspection support (½ day)',
    pricingBasis: 'half_day',
    memberPrice: 240,
    nonMemberPrice: 300,
    memberDiscountPercent: 20,
    draws: { unit: 'adviser_half_day', quantity: 1, category: 'Inspection support' },
  },
  // line 390: the school review, logged by the day against the review line
  {
    kind: 'service',
    code: 'HSIP-REVIEW',
    name: 'School review (per adviser day)',
    pricingBasis: 'day',
    memberPrice: 480,
    nonMemberPrice: 600,
    memberDiscountPercent: 20,
    draws: { unit: 'adviser_day', quantity: 1, category: 'School review' },
  },
  // lines 486–487: the EMA package's half days
  {
    kind: 'service',
    code: 'HSIP-EMA-TRAIN',
    name: 'EMA training and consultancy (½ day)',
    pricingBasis: 'half_day',
    memberPrice: 240,
    nonMemberPrice: 300,
    memberDiscountPercent: 20,
    draws: { unit: 'adviser_half_day', quantity: 1, category: 'EMA training' },
  },
  {
    kind: 'service',
    code: 'HSIP-EMA-COMMUNITY',
    name: 'EMA community consultation (½ day)',
    pricingBasis: 'half_day',
    memberPrice: 240,
    nonMemberPrice: 300,
    memberDiscountPercent: 20,
    draws: { unit: 'adviser_half_day', quantity: 1, category: 'EMA community consultation' },
  },
  {
    kind: 'service',
    code: 'HSIP-BESPOKE',
    name: 'Bespoke training (per day)',
    pricingBasis: 'day',
    memberPrice: 480,
    nonMemberPrice: 600,
    memberDiscountPercent: 20,
  },
  // line 427: administrative support for headteacher recruitment, £460.00
  {
    kind: 'service',
    code: 'HSIP-HTREC-ADMIN',
    name: 'Headteacher recruitment: administrative support',
    pricingBasis: 'school',
    memberPrice: 460,
    nonMemberPrice: 460,
  },
  // line 428: advice, guidance and support on recruiting headteachers, £600.00
  {
    kind: 'service',
    code: 'HSIP-HTREC-ADVICE',
    name: 'Headteacher recruitment: advice',
    pricingBasis: 'school',
    memberPrice: 600,
    nonMemberPrice: 600,
  },
];

const bpsi: Item[] = [
  {
    kind: 'package',
    code: 'BPSI-SUB',
    name: 'BPSI subscription',
    description:
      'BPSI hours to spend on consultancy and reviews, network places and the headteachers’ briefing.',
    pricingBasis: 'school',
    memberPrice: 1800,
    nonMemberPrice: 2200,
    bands: [
      { phase: 'Primary', minPupils: null, maxPupils: 300, memberPrice: 1650, nonMemberPrice: 2000 },
      { phase: 'Primary', minPupils: 301, maxPupils: null, memberPrice: 1950, nonMemberPrice: 2350 },
      { phase: 'Secondary', memberPrice: 2900, nonMemberPrice: 3400 },
      { phase: 'All-through', memberPrice: 3200, nonMemberPrice: 3800 },
    ],
    lines: [
      { unit: 'adviser_hour', quantity: 20, description: '20 BPSI hours', standaloneUnitPrice: 95 },
      {
        unit: 'network_place',
        quantity: 6,
        category: 'BPSI networks',
        description: '6 network places',
        standaloneUnitPrice: 75,
      },
    ],
  },
  {
    kind: 'package',
    code: 'BPSI-GOV',
    name: 'Governor Services',
    description: 'Governor training, the clerking helpline and termly briefings.',
    pricingBasis: 'governing_body',
    memberPrice: 950,
    nonMemberPrice: 1150,
    lines: [
      {
        unit: 'course_place',
        quantity: null,
        category: 'Governor training',
        description: 'Governor training: unlimited places',
        standaloneUnitPrice: 50,
      },
      { unit: 'governor_item', quantity: 3, description: '3 termly briefings', standaloneUnitPrice: 120 },
    ],
  },
  {
    kind: 'package',
    code: 'BPSI-ECT',
    name: 'ECT support',
    description: 'ECT training programme and a school visit per ECT.',
    pricingBasis: 'ect',
    memberPrice: 395,
    nonMemberPrice: 495,
    lines: [
      { unit: 'ect_induction', quantity: 1, description: 'ECT training programme', standaloneUnitPrice: 450 },
      {
        unit: 'adviser_hour',
        quantity: 3,
        category: 'ECT support',
        description: '3 hours of school-based support',
      },
    ],
  },
  {
    kind: 'service',
    code: 'BPSI-REVIEW',
    name: 'BPSI School Review',
    description: 'Led by an adviser and Ofsted inspector with peer headteachers.',
    pricingBasis: 'school',
    memberPrice: 1140,
    nonMemberPrice: 1400,
    draws: { unit: 'adviser_hour', quantity: 12 },
  },
  {
    kind: 'service',
    code: 'BPSI-GOVREVIEW',
    name: 'Governance Review',
    pricingBasis: 'school',
    memberPrice: 760,
    nonMemberPrice: 950,
    draws: { unit: 'adviser_hour', quantity: 8 },
  },
  {
    kind: 'service',
    code: 'BPSI-PPREVIEW',
    name: 'Pupil Premium Review',
    pricingBasis: 'school',
    memberPrice: 570,
    nonMemberPrice: 700,
    draws: { unit: 'adviser_hour', quantity: 6 },
  },
  {
    kind: 'service',
    code: 'BPSI-HOUR',
    name: 'Consultancy hour',
    pricingBasis: 'hour',
    memberPrice: 95,
    nonMemberPrice: 115,
    draws: { unit: 'adviser_hour', quantity: 1 },
  },
];

const bep: Item[] = [
  {
    kind: 'package',
    code: 'BEP-CORE',
    name: 'BEP partnership membership',
    description: 'Adviser time, every BEP network and CPD places, banded by pupil numbers.',
    pricingBasis: 'school',
    memberPrice: 1900,
    nonMemberPrice: 2400,
    bands: [
      { phase: 'Nursery', memberPrice: 900, nonMemberPrice: 1150 },
      { phase: 'Primary', minPupils: null, maxPupils: 210, memberPrice: 1250, nonMemberPrice: 1600 },
      { phase: 'Primary', minPupils: 211, maxPupils: 420, memberPrice: 1900, nonMemberPrice: 2400 },
      { phase: 'Primary', minPupils: 421, maxPupils: null, memberPrice: 2800, nonMemberPrice: 3500 },
      { phase: 'Secondary', memberPrice: 4200, nonMemberPrice: 5200 },
    ],
    lines: [
      { unit: 'adviser_day', quantity: 2, description: '2 adviser days', standaloneUnitPrice: 650 },
      {
        unit: 'network_place',
        quantity: null,
        category: 'BEP networks',
        description: 'BEP networks: unlimited places',
        standaloneUnitPrice: 80,
      },
      {
        unit: 'course_place',
        quantity: 4,
        category: 'CPD',
        description: '4 CPD course places',
        standaloneUnitPrice: 150,
      },
    ],
  },
  {
    kind: 'package',
    code: 'BEP-ECT',
    name: 'ECT induction programme',
    pricingBasis: 'ect',
    memberPrice: 520,
    nonMemberPrice: 690,
    lines: [
      {
        unit: 'ect_induction',
        quantity: 1,
        description: 'ECT induction programme',
        standaloneUnitPrice: 750,
      },
    ],
  },
  {
    kind: 'service',
    code: 'BEP-CONSULT',
    name: 'Consultancy day',
    pricingBasis: 'day',
    memberPrice: 553,
    nonMemberPrice: 650,
    memberDiscountPercent: 15,
    draws: { unit: 'adviser_day', quantity: 1 },
  },
  {
    kind: 'service',
    code: 'BEP-REVIEW',
    name: 'School review',
    pricingBasis: 'school',
    memberPrice: 1650,
    nonMemberPrice: 1950,
    draws: { unit: 'adviser_day', quantity: 3 },
  },
];

/**
 * The teaching school hub (Appropriate Body): its ECT induction programme, sold per school. In an AB
 * workspace the `ect_induction` line is a place for each ECT the school registers with the hub.
 */
const nwl: Item[] = [
  {
    kind: 'package',
    code: 'NWL-ECT',
    name: 'ECT induction programme',
    description:
      'The hub’s induction programme on the Early Career Teacher Entitlement, with induction-tutor briefings: a place for every ECT the school registers with us.',
    pricingBasis: 'school',
    memberPrice: 1950,
    nonMemberPrice: 2400,
    lines: [
      {
        unit: 'ect_induction',
        quantity: 1,
        description: 'Induction programme: one place for each ECT registered',
        standaloneUnitPrice: 1200,
      },
    ],
  },
];

export const demoCatalogues: Record<string, Item[]> = { hsip, barnet: bpsi, bep, nwlhub: nwl };
