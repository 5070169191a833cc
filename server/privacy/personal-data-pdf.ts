import type { PdfBlock, PdfDocument } from '../pdf/render-pdf';
import type { PersonalDataExport } from './collect-personal-data';
import { shortDate } from '../format/dates';

const pence = (p: number) => `£${(p / 100).toFixed(2)}`;
const tenths = (n: number | null) => (n === null ? '' : (n / 10).toFixed(1));

/** The subject access export as a document for the PDF renderer: the same content as the JSON, readable. */
export function personalDataPdf(data: PersonalDataExport): { document: PdfDocument; filename: string } {
  const who = data.subject.name || data.subject.email;
  const blocks: PdfBlock[] = [
    {
      kind: 'facts',
      pairs: [
        ['Person', who],
        ['Email', data.subject.email || 'none held'],
        [
          'Held as',
          { ect: 'Early career teacher', governor: 'Governor', delegate: 'Course delegate' }[
            data.subject.kind
          ],
        ],
        ['Generated', shortDate(data.generatedAt, '')],
      ],
    },
  ];
  const induction = data.induction;
  if (induction) {
    const e = induction.ect;
    blocks.push(
      { kind: 'heading', text: 'ECT induction' },
      {
        kind: 'facts',
        pairs: [
          ['TRN', e.trn],
          ['Date of birth', shortDate(e.dateOfBirth, '')],
          ['Induction started', shortDate(e.startsOn, '')],
          ['Status', e.status === 'completed' ? 'Completed' : 'In progress'],
          ['Reduction (terms)', tenths(e.reductionTenths)],
          ['Reason for reduction', e.reductionReason || '—'],
          ['Extension (terms)', tenths(e.extensionTenths)],
          ['Previous induction', e.previousInduction || 'none recorded'],
        ],
      },
      {
        kind: 'table',
        columns: ['School', 'From', 'To', 'FTE', 'Tutor', 'Mentor'],
        rows: induction.periods.map((p) => [
          p.school,
          shortDate(p.startsOn, ''),
          shortDate(p.endsOn, ''),
          (p.fteHundredths / 100).toFixed(2),
          p.tutorName,
          p.mentorName,
        ]),
      },
      { kind: 'heading', text: 'Progress reviews and assessments' },
      {
        kind: 'table',
        columns: ['Term', 'Kind', 'Due', 'Status', 'Judgement', 'Evidence', 'AB comment'],
        rows: induction.checkpoints.map((c) => [
          c.termNumber === null ? '' : String(c.termNumber),
          c.kind,
          shortDate(c.dueOn, ''),
          c.status.replace('_', ' '),
          c.judgement?.replace(/_/g, ' ') ?? '',
          c.evidence,
          c.abComment,
        ]),
      },
    );
    if (induction.supportPlans.length)
      blocks.push(
        { kind: 'heading', text: 'Support plans' },
        {
          kind: 'table',
          columns: ['Opened', 'Status', 'Actions'],
          rows: induction.supportPlans.map((s) => [shortDate(s.createdAt, ''), s.status, s.actions]),
        },
      );
    if (induction.absences.length)
      blocks.push(
        { kind: 'heading', text: 'Absences' },
        {
          kind: 'table',
          columns: ['From', 'Days', 'Reason'],
          rows: induction.absences.map((a) => [shortDate(a.startsOn, ''), String(a.days), a.reason]),
        },
      );
    blocks.push(
      { kind: 'heading', text: 'Outcomes' },
      induction.outcomes.length
        ? {
            kind: 'table',
            columns: ['Outcome', 'Decided', 'Terms served', 'Note'],
            rows: induction.outcomes.map((o) => [
              o.outcome,
              shortDate(o.decidedOn, ''),
              tenths(o.termsServedTenths),
              o.note,
            ]),
          }
        : { kind: 'paragraph', text: 'No outcome recorded yet.' },
    );
    if (induction.appeals.length)
      blocks.push(
        { kind: 'heading', text: 'Appeals to the Teaching Regulation Agency' },
        {
          kind: 'table',
          columns: ['Lodged', 'Result', 'Result date', 'Took effect as', 'Note'],
          rows: induction.appeals.map((a) => [
            shortDate(a.lodgedOn, ''),
            a.result,
            shortDate(a.resultOn, ''),
            a.resultOutcome ?? '',
            a.note,
          ]),
        },
      );
    if (induction.deadlineReminders.length)
      blocks.push(
        { kind: 'heading', text: 'Deadline reminders sent' },
        {
          kind: 'table',
          columns: ['Deadline', 'Due', 'Overdue when sent', 'Emails', 'Sent'],
          rows: induction.deadlineReminders.map((r) => [
            r.deadline,
            shortDate(r.dueOn, ''),
            r.overdue ? 'yes' : 'no',
            String(r.emails),
            shortDate(r.sentAt, ''),
          ]),
        },
      );
  }
  for (const g of data.governance) {
    blocks.push(
      { kind: 'heading', text: `Governor: ${g.school}` },
      {
        kind: 'facts',
        pairs: [
          ['Name', g.name],
          ['Email', g.email],
          ['Phone', g.phone],
          ['Category', g.category.replace(/_/g, ' ')],
          ['Office', g.office?.replace(/_/g, ' ') ?? ''],
          ['Appointing body', g.appointingBody],
          ['Appointed', shortDate(g.appointedOn, '')],
          ['Term ends', shortDate(g.termEndsOn, '')],
          ['Stepped down', shortDate(g.steppedDownOn, '')],
          ['Business interests', g.businessInterests || 'none declared'],
          ['Interests link', g.businessInterestsUrl],
          ['Attendance', g.attendance],
        ],
      },
    );
    if (g.trainingElsewhere.length)
      blocks.push({
        kind: 'table',
        columns: ['Training elsewhere', 'Date', 'Provider'],
        rows: g.trainingElsewhere.map((t) => [t.title, shortDate(t.on, ''), t.provider]),
      });
    if (g.committees.length)
      blocks.push({
        kind: 'table',
        columns: ['Committee', 'Member since', 'Left'],
        rows: g.committees.map((c) => [c.name, shortDate(c.memberSince, ''), shortDate(c.leftOn, '')]),
      });
    if (g.meetings.length)
      blocks.push({
        kind: 'table',
        columns: ['Meeting', 'Date', 'Of', 'Attendance'],
        rows: g.meetings.map((m) => [m.meeting, shortDate(m.heldOn, ''), m.of, m.attendance]),
      });
  }
  blocks.push(
    { kind: 'heading', text: 'Course places' },
    data.courses.length
      ? {
          kind: 'table',
          columns: ['Course', 'Starts', 'Name on place', 'Status', 'Price', 'Attended', 'Evaluation'],
          rows: data.courses.map((c) => [
            c.course,
            shortDate(c.startsOn, ''),
            c.delegateName,
            c.status.replace('_', ' '),
            pence(c.pricePence),
            `${c.attendance.filter((a) => a.status !== 'absent').length} of ${c.attendance.length} marked`,
            c.evaluation
              ? `${Object.values(c.evaluation.ratings).join('/')} ${c.evaluation.comments}`.trim()
              : '',
          ]),
        }
      : { kind: 'paragraph', text: 'No course places.' },
  );
  if (data.waitingList.length)
    blocks.push({
      kind: 'table',
      columns: ['Waiting list: course', 'Status', 'Joined'],
      rows: data.waitingList.map((w) => [w.course, w.status, shortDate(w.joinedAt, '')]),
    });
  if (data.registrations.length)
    blocks.push(
      { kind: 'heading', text: 'ECT registrations sent for checking' },
      {
        kind: 'table',
        columns: ['School', 'Sent', 'Status', 'Decided', 'Details sent', 'Reason declined'],
        rows: data.registrations.map((r) => [
          r.school,
          shortDate(r.submittedOn, ''),
          r.status === 'rejected' ? 'declined' : r.status,
          shortDate(r.decidedAt, ''),
          [
            r.name,
            `TRN ${r.trn}`,
            r.email,
            r.dateOfBirth ? `born ${shortDate(r.dateOfBirth, '')}` : '',
            `starts ${shortDate(r.startsOn, '')}`,
            `FTE ${r.fteHundredths / 100}`,
            r.tutorName && `tutor ${r.tutorName}`,
            r.mentorName && `mentor ${r.mentorName}`,
            r.previousInduction && `previous induction: ${r.previousInduction}`,
          ]
            .filter(Boolean)
            .join(', '),
          r.rejectionReason,
        ]),
      },
    );
  blocks.push(
    { kind: 'heading', text: 'Emails sent' },
    data.emails.length
      ? {
          kind: 'table',
          columns: ['Date', 'To', 'Subject', 'Status'],
          rows: data.emails.map((m) => [shortDate(m.createdAt, ''), m.to, m.subject, m.status]),
        }
      : { kind: 'paragraph', text: 'No emails.' },
  );
  if (data.charges.length || data.invoiceLines.length)
    blocks.push(
      { kind: 'heading', text: 'Charges and invoices that name them' },
      {
        kind: 'table',
        columns: ['Description', 'Net', 'Status', 'Invoice'],
        rows: data.charges.map((c) => {
          const line = data.invoiceLines.find((l) => l.chargeableItemId === c.id);
          return [c.description, pence(c.netPence), c.status, line?.number ?? (line ? 'draft' : '')];
        }),
      },
    );
  if (data.erasures.length)
    blocks.push(
      { kind: 'heading', text: 'Erasures' },
      {
        kind: 'table',
        columns: ['Date', 'Scope', 'Reason'],
        rows: data.erasures.map((e) => [shortDate(e.createdAt, ''), e.scope, e.reason]),
      },
    );
  blocks.push({ kind: 'heading', text: 'Notes' }, { kind: 'bullets', items: data.notes });
  const slug = (who || 'person').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    document: {
      title: 'Personal data held (subject access)',
      issuer: data.workspace,
      blocks,
      footer: `Everything ${data.workspace} holds about this person in Stride, as at ${shortDate(data.generatedAt, '')}.`,
    },
    filename: `personal-data-${slug}.pdf`,
  };
}
