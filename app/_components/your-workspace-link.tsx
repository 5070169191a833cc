import { Link } from '~/app/_components/link';
import type { WorkspaceOfUser } from '~/server/workspaces/list-memberships';

/** Whether the signed-in person belongs to the workspace (a suspended one opens nothing, so it does not count). */
export const belongsTo = (mine: readonly Pick<WorkspaceOfUser, 'slug' | 'suspended'>[], slug: string) =>
  mine.some((w) => w.slug === slug && !w.suspended);

/** In a public page's header (the course catalogue), the way back into the visitor's own workspace. */
export function YourWorkspaceLink({ slug }: { slug: string }) {
  return (
    <Link href={`/${slug}`} className="font-semibold text-brand-dark underline">
      Go to your workspace
    </Link>
  );
}
