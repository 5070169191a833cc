import type { Tx } from '~/db/client';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { assertMayManageBoard } from './board-access';
import { boardCategoriesFor, boardWarnings, isCurrent, termEndsWithin, vacanciesOf } from './board-rules';
import { committeesOfSchool } from './keep-committees';
import { listBoardMembers, loadSchoolWithConstitution } from './load-board';
import { otherBoardsOf } from './list-current-governors';
import { registerAccess } from './register-access';

/** A school's board register for its keepers: current members, those who left, constitution and vacancies. */
export async function getBoard(tx: Tx, actor: Actor, input: { schoolId: string; today: IsoDate }) {
  await assertMayManageBoard(tx, actor, input.schoolId);
  const [school, members] = await Promise.all([
    loadSchoolWithConstitution(tx, input.schoolId),
    listBoardMembers(tx, input.schoolId),
  ]);
  const current = members.filter((m) => isCurrent(m, input.today));
  const [others, access, committees] = await Promise.all([
    otherBoardsOf(tx, current, input.today),
    registerAccess(tx, actor.tenantId, input.schoolId, current),
    committeesOfSchool(tx, input.schoolId, input.today),
  ]);
  return {
    school: { id: school.id, name: school.name, type: school.type, typeGroup: school.typeGroup },
    /** Maintained: the 2012 constitution rules; academy: the trust's articles (its own categories, no LA place). */
    kind: school.kind,
    categories: boardCategoriesFor(school.kind),
    constitution: school.places,
    constitutionIsDefault: school.constitutionIsDefault,
    vacancies: vacanciesOf(school.places, current, school.kind),
    // The regulations' checks are for maintained schools; an academy's articles set its own board.
    warnings: school.kind === 'maintained' ? boardWarnings(current) : [],
    current: current.map((m) => ({
      ...m,
      termEndingSoon: termEndsWithin(m.termEndsOn, input.today),
      otherBoards: others.get(m.id) ?? [],
      /** The committees they sit on, by name. */
      committees: committees.filter((c) => c.members.some((x) => x.governorId === m.id)).map((c) => c.name),
      /** Who can use Stride for the board, who is invited (and when), who has neither. */
      access: access.get(m.id) ?? { state: 'none' as const },
    })),
    former: members.filter((m) => !isCurrent(m, input.today)),
  };
}
