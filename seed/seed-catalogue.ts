import type { Tx } from '~/db/client';
import { academicYearOf, academicYearStart, todayInLondon } from '~/server/catalogue/academic-year';
import { ZCreateCatalogueItemInput } from '~/server/catalogue/catalogue-inputs';
import { createCatalogueItem } from '~/server/catalogue/create-catalogue-item';
import { subscribeSchool } from '~/server/subscriptions/subscribe-school';
import type { demoCatalogues } from './catalogue-data';
import * as demo from './demo-data';

/** This year's catalogue, and its main package bought by about two thirds of the open schools at the year's start. */
export async function seedCatalogueAndSubscriptions(
  tx: Tx,
  input: {
    tenantId: string;
    catalogue: (typeof demoCatalogues)[string];
    actorUserId: string;
    schoolIdByUrn: Map<number, string>;
    demoSchools: Set<number>;
    demoSchoolsSubscribed: boolean;
    perRegisteredEct: boolean;
  },
) {
  const year = academicYearOf(todayInLondon());
  const ids: string[] = [];
  for (const item of input.catalogue) {
    const created = await createCatalogueItem(
      tx,
      input.tenantId,
      ZCreateCatalogueItemInput.parse({ ...item, academicYear: year }),
    );
    ids.push(created.id);
  }
  const mainPackage = ids[0];
  if (!mainPackage) return;
  for (const [urn, schoolId] of input.schoolIdByUrn) {
    const subscribed = input.demoSchools.has(urn) ? input.demoSchoolsSubscribed : urn % 3 !== 0;
    if (!subscribed) continue;
    const school = demo.allSchools.find((s) => s.urn === urn);
    if (!school || school.status === 'closed') continue;
    await subscribeSchool(tx, {
      tenantId: input.tenantId,
      schoolId,
      itemId: mainPackage,
      units: 1,
      purchaseOrderNumber: `PO-${urn}`,
      actorUserId: input.actorUserId,
      today: academicYearStart(year),
      perRegisteredEct: input.perRegisteredEct,
    });
  }
}
