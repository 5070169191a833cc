import { Link } from '~/app/_components/link';
import { SiteHeader } from '../../../../_components/site-header';

/**
 * A place link that finds no place. Only a link's hash is kept, so a new one goes out whenever a place's
 * emails change (the course's dates move, the place passes to a colleague) and the earlier link stops working:
 * say so, rather than a bare "Page not found".
 */
export default function PlaceLinkNotFound() {
  return (
    <>
      <SiteHeader user={null} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <title>Link no longer works – Stride</title>
        <h1 className="text-3xl font-bold">This link to a place no longer works</h1>
        <p className="mt-4 text-lg">
          When a course’s dates change, or a place passes to a colleague, a new link is emailed and the
          earlier one stops working. Use the link in the latest email about the course.
        </p>
        <p className="mt-4">
          If you have a Stride account,{' '}
          <Link href="/start" className="underline">
            sign in
          </Link>{' '}
          and open the courses page: your places are listed there.
        </p>
      </main>
    </>
  );
}
