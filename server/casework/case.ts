import type { Tx } from '~/db/client';
import { caseNotFound, loadCaseFor, type CaseView } from '../concern/case-access';
import type { Actor } from './actor';

/**
 * loadCaseFor (the one access rule), plus: the case must belong to the caller's own workspace. A commissioned
 * provider's workspace can read an LA's scc_cases rows under RLS, but casework acts only on its own cases.
 */
export async function loadOwnCase(tx: Tx, actor: Actor, caseId: string, needed: CaseView = 'full') {
  const loaded = await loadCaseFor(tx, actor, caseId, needed);
  if (loaded.found.tenantId !== actor.tenantId) throw caseNotFound();
  return loaded;
}
