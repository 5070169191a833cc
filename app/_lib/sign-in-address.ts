/**
 * The header the proxy sets on a signed-out visit to a page: the address asked for (path and query), which a
 * layout cannot otherwise see, so that signing in returns there rather than to the workspace's dashboard.
 */
export const requestedAddressHeader = 'x-stride-requested-address';

/**
 * Where a signed-out visitor to a workspace page is sent: the sign-in page, coming back to the page they asked for
 * (an invoice emailed to a head, say). Only an address inside that workspace is kept; anything else (a missing or
 * forged header, another site) returns to the workspace's dashboard.
 */
export function signInAddress(slug: string, requested: string | null | undefined): string {
  const home = `/${slug}`;
  const inWorkspace =
    requested !== null &&
    requested !== undefined &&
    (requested === home || requested.startsWith(`${home}/`) || requested.startsWith(`${home}?`)) &&
    !/[\\\s]/.test(requested);
  return `/signin?callbackUrl=${encodeURIComponent(inWorkspace ? requested : home)}`;
}
