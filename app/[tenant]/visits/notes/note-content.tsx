import type { NoteOfVisitContent } from '~/server/notes-of-visit/content';
import { DataTable } from '~/app/_components/data-table';
import { longDate } from '~/server/format/dates';

/** What a note says, as read on screen (the current note and each version in its history). */
export function NoteContentView({ content, idPrefix }: { content: NoteOfVisitContent; idPrefix: string }) {
  return (
    <div className="space-y-5">
      <p>
        <strong>Focus:</strong>{' '}
        {content.focusKind === 'deep_dive'
          ? `Subject deep dive – ${content.deepDiveSubject ?? ''}`
          : 'School effectiveness visit focus areas'}
      </p>
      <DataTable
        caption="Focus areas and judgements"
        hideCaption
        rows={content.focusAreas}
        rowKey={(a) => a.area}
        alignTop
        columns={[
          {
            header: 'Focus area',
            rowHeader: true,
            cell: (a) => <span className="font-semibold">{a.area}</span>,
          },
          { header: 'Judgement', cell: (a) => a.judgement },
          { header: 'School’s self-evaluation', cell: (a) => a.schoolGrade ?? 'Not given' },
          {
            header: 'Commentary',
            cell: (a) => (
              <>
                <p className="whitespace-pre-line">{a.commentary}</p>
                {a.disagreement && (
                  <p className="mt-1 whitespace-pre-line">
                    <strong>Disagreement with the school’s self-evaluation:</strong> {a.disagreement}
                  </p>
                )}
              </>
            ),
          },
        ]}
      />
      <div>
        <h3 id={`${idPrefix}-strengths`} className="text-lg font-semibold">
          Strengths
        </h3>
        <p className="whitespace-pre-line">{content.strengths}</p>
      </div>
      <div>
        <h3 className="text-lg font-semibold">Areas for development</h3>
        <p className="whitespace-pre-line">{content.areasForDevelopment}</p>
      </div>
      <div>
        <h3 className="text-lg font-semibold">Agreed actions</h3>
        <DataTable
          className="mt-2"
          caption="Agreed actions"
          hideCaption
          rows={content.agreedActions}
          rowKey={(_, i) => String(i)}
          empty="No actions were agreed."
          emptyClassName=""
          columns={[
            { header: 'Action', cell: (a) => a.action },
            { header: 'Owner', cell: (a) => a.owner },
            { header: 'Due by', cell: (a) => longDate(a.dueBy) },
          ]}
        />
      </div>
    </div>
  );
}
