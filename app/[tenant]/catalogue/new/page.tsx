import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { forbidden, notFound } from 'next/navigation';
import { academicYearLabel, academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { unitLabels, type EntitlementUnit } from '~/server/entitlements/balance-key';
import { priceNamesOf } from '~/server/catalogue/price-names';
import { giasPhases } from '~/server/schools/phases';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import {
  capitalise,
  pricingBasisLabels,
  yearFromParam,
  type PricingBasis,
} from '../../../_lib/traded-format';
import { CatalogueItemForm } from './catalogue-item-form';

export const metadata: Metadata = { title: 'New package or service' };

export default async function NewCatalogueItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ year?: string }>;
}) {
  const { tenant } = await params;
  const { year } = await searchParams;
  const { api, workspace } = await loadWorkspace(tenant);
  if (!workspace.tenant.modules.includes('traded')) notFound();
  if (!workspace.roles.includes('tenant_admin')) forbidden();
  const [years, vat] = await Promise.all([guard(api.catalogue.years()), guard(api.catalogue.vatDefault())]);
  const thisYear = academicYearOf(todayInLondon());
  const defaultYear = yearFromParam(year);
  const yearOptions = [...new Set([...years, thisYear, thisYear + 1, defaultYear])]
    .sort((a, b) => a - b)
    .map((y) => ({ value: String(y), label: academicYearLabel(y) }));

  return (
    <div>
      <p>
        <Link href={`/${tenant}/catalogue?year=${defaultYear}`} className="text-brand-dark underline">
          Packages and services
        </Link>
      </p>
      <h1 className="mt-3 mb-6 text-3xl font-bold">New package or service</h1>
      <CatalogueItemForm
        tenant={tenant}
        names={priceNamesOf(workspace.tenant.settings)}
        years={yearOptions}
        defaultYear={defaultYear}
        units={(Object.entries(unitLabels) as [EntitlementUnit, { many: string }][]).map(([value, l]) => ({
          value,
          label: capitalise(l.many),
        }))}
        bases={(Object.entries(pricingBasisLabels) as [PricingBasis, string][]).map(([value, label]) => ({
          value,
          label: capitalise(label),
        }))}
        phases={[...giasPhases]}
        vat={vat}
      />
    </div>
  );
}
