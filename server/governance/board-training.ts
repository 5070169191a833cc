import type { Tx } from '~/db/client';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { assertMayManageBoard } from './board-access';
import { isCurrent } from './board-rules';
import { listBoardMembers } from './load-board';
import { getTrainingRecord } from './training-record';

/** The board's training at a glance, for its chair and clerk: each current member's courses and other training. */
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
        title: c.title,
        startsOn: c.startsOn,
        sessionsAttended: c.sessionsAttended,
      })),
      external: record.external,
    });
  }
  return rows;
}
