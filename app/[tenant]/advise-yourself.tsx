import { Link } from '~/app/_components/link';

/**
 * Where no one has the adviser role yet, the manager's way to be the adviser themselves (a head of school
 * improvement working alone): a person may hold more than one role in a workspace, and the manager takes one on
 * under "Your own roles" on People and roles. Who counts as an adviser is unchanged.
 */
export function AdviseYourself({ tenant }: { tenant: string }) {
  return (
    <>
      {' '}
      If you advise schools yourself, you can hold the adviser role as well as your own:{' '}
      <Link href={`/${tenant}/members#your-roles`} className="font-semibold text-brand-dark underline">
        give yourself the adviser role on People and roles
      </Link>{' '}
      (tick Adviser under “Your own roles” and save).
    </>
  );
}
