import type { Tx } from '~/db/client';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { assertMayManageBoard } from './board-access';
import { isCurrent } from './board-rules';
import { listBoardMembers } from './load-board';
import { getTrainingRecord } from './training-record';

/**
 * The board's training at a glance, for its chair and clerk: each current member's courses (places confirmed or
 * awaiting the school's approval) and other training. `bookedOn` says, per course, who on the board has a place,
 * so the list of courses to book marks them.
 */
export async function boardTraining(tx: Tx, actor: Actor, input: { schoolId: string; today: IsoDate }) {
  await assertMayManageBoard(tx, actor, input.schoolId);
  const members = (await listBoardMembers(tx, input.schoolId)).filter((m) => isCurrent(m, input.today));
  const rows = [];
  for (const m of members) {
    const record = await getTrainingRecord(tx, actor, { governorId: m.id, today: input.today });
    rows.push({
      governorId: m.id,
      name: m.name,
      category: m.category,
      office: m.office,
      courses: record.courses.map((c) => ({
        courseId: c.courseId,
        title: c.title,
        startsOn: c.startsOn,
        status: c.status,
        sessionsAttended: c.sessionsAttended,
      })),
      external: record.external,
    });
  }
  const bookedOn: Record<string, string[]> = {};
  for (const r of rows) for (const c of r.courses) (bookedOn[c.courseId] ??= []).push(r.name);
  return { members: rows, bookedOn };
}
