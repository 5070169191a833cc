import { redirect } from 'next/navigation';
import { z } from 'zod';

/** The "Open a case for another school" form's choice, as the address of that school's page. */
export default async function OpenCaseChoicePage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ school?: string | string[] }>;
}) {
  const { tenant } = await params;
  const { school } = await searchParams;
  const chosen = z.uuid().safeParse(school);
  redirect(chosen.success ? `/${tenant}/concern/open/${chosen.data}` : `/${tenant}/concern#open-other`);
}
