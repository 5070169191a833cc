import type { Tx } from '~/db/client';
import type { Actor } from '../../access/actor';
import { syncRegisterWithSchools } from '../../monitoring/register-membership';
import { statutorySettingsOf } from '../../monitoring/statutory-settings';
import { importGiasSchools, type GiasImportResult } from './import-gias-schools';
import type { TGiasUpload } from './read-gias-upload';

/**
 * A GIAS import into a workspace: the schools, then (for an LA with the statutory module) its register —
 * every open school in the LA's codes joins it, closed ones leave it (monitoring/register-membership.ts).
 */
export async function importIntoWorkspace(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'laCodes' | 'modules' | 'settings' | 'userId'>,
  input: { upload: TGiasUpload; write: boolean },
): Promise<GiasImportResult & { register: { joined: number; left: number; rejoined: number } | null }> {
  const result = await importGiasSchools(tx, {
    tenantId: actor.tenantId,
    laCodes: actor.laCodes,
    upload: input.upload,
    write: input.write,
  });
  if (!result.imported || !actor.modules.includes('statutory')) return { ...result, register: null };
  const register = await syncRegisterWithSchools(tx, {
    tenantId: actor.tenantId,
    laCodes: actor.laCodes,
    settings: statutorySettingsOf(actor.settings),
    actorUserId: actor.userId,
  });
  return { ...result, register };
}
