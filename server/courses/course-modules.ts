import type { ModuleKey } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { moduleTitles } from '../workspaces/module-titles';
import { programmeLabels, programmeModules, type Programme } from './course-labels';
import type { TCourseInput } from './course-inputs';

/**
 * A course may be an ECT induction programme only where the induction module is on, governor training (or free
 * statutory governor training) only where governor services are: the form offers nothing else, and a request
 * that asks anyway is refused in words. A course keeps what it already is when edited after a module was
 * switched off (`current`), so its other details can still be corrected.
 */
export function assertCourseModules(
  workspace: { name: string; modules: readonly ModuleKey[] },
  course: Pick<TCourseInput, 'programme' | 'statutoryFreeForGovernors'>,
  current?: { programme: Programme; statutoryFreeForGovernors: boolean },
  field: (name: string) => string = (name) => name,
): void {
  const needed = programmeModules[course.programme];
  if (needed && !workspace.modules.includes(needed) && current?.programme !== course.programme)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: field('programme'),
      message: `${programmeLabels[course.programme]} courses need ${moduleTitles[needed]}, which is not switched on for ${workspace.name}. Run it as CPD.`,
    });
  if (
    course.statutoryFreeForGovernors &&
    !workspace.modules.includes('governance') &&
    !current?.statutoryFreeForGovernors
  )
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: field('statutoryFreeForGovernors'),
      message: `Free statutory training for governors needs ${moduleTitles.governance}, which is not switched on for ${workspace.name}.`,
    });
}
