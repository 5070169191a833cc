import { forbidden, notFound } from 'next/navigation';
import { sections } from '~/server/workspaces/navigation';
import { loadWorkspace } from '../../_lib/server-api';

/** Sections that are planned but not built yet say so plainly. */
export default async function PlannedSectionPage({
  params,
}: {
  params: Promise<{ tenant: string; section: string }>;
}) {
  const { tenant, section } = await params;
  const { workspace } = await loadWorkspace(tenant);
  const planned = sections.find((s) => s.slug === section && !s.built);
  if (!planned) notFound();
  if (!workspace.sections.some((s) => s.slug === section)) forbidden();
  return (
    <div>
      <h1 className="text-3xl font-bold">{planned.title}</h1>
      <p className="mt-3 text-lg">{planned.summary}</p>
      <div className="mt-6 rounded border-l-4 border-amber-600 bg-amber-50 p-4">
        <h2 className="font-semibold">Not built yet</h2>
        <p className="mt-1">
          This part of Stride is planned but not available yet. Nothing you do elsewhere is lost.
        </p>
      </div>
    </div>
  );
}
