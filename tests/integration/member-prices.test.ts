import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { failureOf, openTestDatabase } from './harness';

let database: Database;
let hsip: DemoWorkspace;

beforeAll(async () => {
  database = await openTestDatabase();
  hsip = await makeDemoWorkspace(database.db, 'hsip');
});

describe('member prices', () => {
  it('the manager records a school’s agreement; its quote follows; nobody else may', async () => {
    const manager = await hsip.caller('manager@hsip.example');
    const [item] = (await manager.catalogue.list({})).filter((i) => i.kind === 'package');
    if (!item) throw new Error('no package');
    const schools = await manager.schools.list({});
    const school = schools.find((s) => s.status === 'open');
    if (!school) throw new Error('no school');
    for (const member of [true, false]) {
      await manager.schools.setMemberPrices({ schoolId: school.id, member });
      expect((await manager.schools.byId({ id: school.id })).isPartnershipMember).toBe(member);
      const quote = await manager.catalogue.quote({ schoolId: school.id, itemId: item.id });
      expect(quote.quote.pricedAsMember).toBe(member);
    }
    const adviser = await hsip.caller('adviser@hsip.example');
    expect(await failureOf(adviser.schools.setMemberPrices({ schoolId: school.id, member: true }))).toMatch(
      /role in this workspace/,
    );
  });
});
