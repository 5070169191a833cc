import { Link } from '~/app/_components/link';

/**
 * Previous / next links for a server-paginated list, keeping the list's other query parameters. `label`
 * names the navigation landmark ("Pages of visits") so a screen reader can tell lists apart.
 */
export function Pagination({
  label,
  page,
  pages,
  href,
  className = 'mt-4',
  more = false,
}: {
  label: string;
  page: number;
  pages: number;
  /** The address of page n. */
  href: (page: number) => string;
  className?: string;
  /** The list was counted only as far as `pages`: there are more pages after it. */
  more?: boolean;
}) {
  if (pages <= 1 && !more) return null;
  return (
    <nav aria-label={label} className={`${className} flex flex-wrap items-center gap-4`}>
      {page > 1 && (
        <Link href={href(page - 1)} className="inline-block min-h-6 py-1 text-brand-dark underline">
          Previous page
        </Link>
      )}
      <span>
        Page {page} of {more ? 'more than ' : ''}
        {pages}
      </span>
      {(page < pages || more) && (
        <Link href={href(page + 1)} className="inline-block min-h-6 py-1 text-brand-dark underline">
          Next page
        </Link>
      )}
    </nav>
  );
}
