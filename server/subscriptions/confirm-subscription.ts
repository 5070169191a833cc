import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { catalogueItems, memberships, schoolContacts, schools, subscriptions, users } from '~/db/schema';
import type { Actor } from '../access/actor';
import { academicYearLabel, type IsoDate } from '../catalogue/academic-year';
import { formatPence } from '../catalogue/money';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';
import { longDate } from '../format/dates';
import { subscriptionPeriods } from '../invoicing/billing-periods';
import { customerCategoryOf } from '../invoicing/vat-for-school';
import { getInvoiceSettings } from '../invoicing/settings';
import { membershipsHere } from '~/server/workspaces/memberships-here';

type Person = { name: string; email: string };

/**
 * When a subscription will be invoiced, one line per part it is billed in under the workspace's billing mode
 * (the whole year, each term, or either side of April), each from the day the billing run may bill it. An
 * Appropriate Body's package priced per ECT is invoiced as each ECT is registered instead.
 */
export function whenInvoiced(
  parts: { label: string; billableFrom: IsoDate; pence: number }[],
  today: IsoDate,
): string[] {
  return parts.map(
    (p) =>
      `${formatPence(p.pence)} for ${p.label}: invoiced ${p.billableFrom <= today ? 'with the next invoices we send' : `from ${longDate(p.billableFrom)}`}`,
  );
}

/**
 * The order confirmation for a new subscription: the person who subscribed and the school's finance contacts
 * (if they are someone else; and its heads/SBMs when someone outside the school placed the order) are emailed
 * what was bought, for which year, the price and when it will be
 * invoiced; the workspace's managers are told of it, as they are of a school's renewal answer. Each address is
 * emailed once. A subscription made by a renewal answer is confirmed by that answer's emails instead.
 */
export async function confirmSubscription(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'name' | 'kind' | 'laCodes' | 'user' | 'memberships'>,
  input: { subscriptionId: string; today: IsoDate },
) {
  const [row] = await tx
    .select({
      sub: subscriptions,
      itemName: catalogueItems.name,
      pricingBasis: catalogueItems.pricingBasis,
      school: { name: schools.name, laCode: schools.laCode, type: schools.type },
    })
    .from(subscriptions)
    .innerJoin(
      catalogueItems,
      and(eq(catalogueItems.tenantId, subscriptions.tenantId), eq(catalogueItems.id, subscriptions.itemId)),
    )
    .innerJoin(
      schools,
      and(eq(schools.tenantId, subscriptions.tenantId), eq(schools.id, subscriptions.schoolId)),
    )
    .where(eq(subscriptions.id, input.subscriptionId));
  if (!row) return 0;
  const { sub, itemName, school } = row;
  const year = academicYearLabel(sub.academicYear);
  const what = `${itemName}${sub.units > 1 ? ` × ${sub.units}` : ''}`;
  const perEct = actor.kind === 'appropriate_body' && row.pricingBasis === 'ect';
  const settings = await getInvoiceSettings(tx, actor);
  // A workspace with no VAT number charges none (vatFor): its school is not told to expect VAT on the invoice.
  const vatRegistered = Boolean(settings.vatNumber);
  const invoiced = perEct
    ? [`Invoiced for each ECT registered at ${school.name}, as they are registered.`]
    : whenInvoiced(
        subscriptionPeriods(settings.subscriptionBilling, sub, customerCategoryOf(school, actor.laCodes)),
        input.today,
      );
  const items = [
    `Package: ${what}`,
    `School: ${school.name}`,
    `Year: ${year}${sub.termsCharged < 3 ? ` (the ${sub.termsCharged === 1 ? 'term' : `${sub.termsCharged} terms`} left, from ${longDate(sub.startsOn)})` : ''}`,
    `Price: ${perEct ? `${formatPence(sub.netPricePence)} per ECT` : formatPence(sub.netPricePence)}${vatRegistered ? ' before VAT' : ' (no VAT: we are not registered for VAT)'}`,
    `Purchase-order number: ${sub.purchaseOrderNumber ?? 'none given'}`,
    ...invoiced,
  ];
  // Subscribed by someone outside the school (the manager taking an order by phone): its heads/SBMs are told.
  const forTheSchool = actor.memberships.some(
    (m) => m.role === 'school_admin' && m.schoolId === sub.schoolId,
  );
  const [financeContacts, managers, schoolAdmins] = await Promise.all([
    tx
      .select({ name: schoolContacts.name, email: schoolContacts.email })
      .from(schoolContacts)
      .where(
        and(
          eq(schoolContacts.schoolId, sub.schoolId),
          eq(schoolContacts.role, 'finance'),
          isNotNull(schoolContacts.email),
        ),
      ),
    tx
      .select({ name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.role, 'tenant_admin'), isNull(memberships.schoolId), membershipsHere)),
    forTheSchool
      ? []
      : tx
          .select({ name: users.name, email: users.email })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.role, 'school_admin'), eq(memberships.schoolId, sub.schoolId))),
  ]);
  const sent = new Set<string>();
  const send = async (
    people: Person[],
    notice: { subject: string; heading: string; paragraphs: string[]; footnote?: string },
  ) => {
    for (const person of people) {
      const to = person.email.toLowerCase();
      if (sent.has(to)) continue;
      sent.add(to);
      await queueEmail(tx, {
        to: person.email,
        ...emailOf('notice', { ...notice, recipientName: person.name, items }),
      });
    }
  };
  const schoolSide = [
    { name: actor.user.name, email: actor.user.email },
    ...financeContacts.flatMap((c) => (c.email ? [{ name: c.name, email: c.email }] : [])),
    ...schoolAdmins,
  ];
  await send(schoolSide, {
    subject: `Order confirmed: ${what} for ${school.name}, ${year}`,
    heading: `Your order: ${what} for ${year}`,
    paragraphs: [
      `${school.name} has subscribed to ${what} from ${actor.name} for ${year}. ${actor.user.name} placed the order.`,
    ],
    footnote: `${vatRegistered ? 'The price is before VAT; the invoice shows any VAT due.' : 'No VAT is charged: we are not registered for VAT.'} To change or cancel this order, contact ${actor.name}.`,
  });
  await send(managers, {
    subject: `New subscription: ${school.name}, ${what}, ${year}`,
    heading: `${school.name} subscribed to ${what}`,
    paragraphs: [`${actor.user.name} subscribed ${school.name} to ${what} for ${year}.`],
  });
  return sent.size;
}
