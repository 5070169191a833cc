import type { NoteOfVisitContent } from '~/server/notes-of-visit/content';
import { longDate } from '~/server/notes-of-visit/labels';

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
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Focus areas and judgements</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="p-2">
                Focus area
              </th>
              <th scope="col" className="p-2">
                Judgement
              </th>
              <th scope="col" className="p-2">
                School’s self-evaluation
              </th>
              <th scope="col" className="p-2">
                Commentary
              </th>
            </tr>
          </thead>
          <tbody>
            {content.focusAreas.map((a) => (
              <tr key={a.area} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-semibold">
                  {a.area}
                </th>
                <td className="p-2">{a.judgement}</td>
                <td className="p-2">{a.schoolGrade ?? 'Not given'}</td>
                <td className="p-2">
                  <p className="whitespace-pre-line">{a.commentary}</p>
                  {a.disagreement && (
                    <p className="mt-1 whitespace-pre-line">
                      <strong>Disagreement with the school’s self-evaluation:</strong> {a.disagreement}
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
        {content.agreedActions.length === 0 ? (
          <p>No actions were agreed.</p>
        ) : (
          <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Agreed actions</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="p-2">
                  Action
                </th>
                <th scope="col" className="p-2">
                  Owner
                </th>
                <th scope="col" className="p-2">
                  Due by
                </th>
              </tr>
            </thead>
            <tbody>
              {content.agreedActions.map((a, i) => (
                <tr key={i} className="border-b border-slate-200">
                  <td className="p-2">{a.action}</td>
                  <td className="p-2">{a.owner}</td>
                  <td className="p-2">{longDate(a.dueBy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
