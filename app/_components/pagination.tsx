import Link from 'next/link';

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
}: {
  label: string;
  page: number;
  pages: number;
  /** The address of page n. */
  href: (page: number) => string;
  className?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className={`${className} flex flex-wrap items-center gap-4`}>
      {page > 1 && (
        <Link href={href(page - 1)} className="inline-block min-h-6 py-1 text-brand-dark underline">
          Previous page
        </Link>
      )}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && (
        <Link href={href(page + 1)} className="inline-block min-h-6 py-1 text-brand-dark underline">
          Next page
        </Link>
      )}
    </nav>
  );
}
