import { AccountStatus } from './account-status';
import { HeaderShell } from './site-header';

/**
 * The site header for pages cached for every visitor (the public course catalogue): the same HTML for all, and
 * the visitor's own name filled in by the browser (AccountStatus), since a cached page cannot read the cookie;
 * so is the way into `workspace`, for a member.
 */
export function PublicSiteHeader({ workspace }: { workspace?: string }) {
  return (
    <HeaderShell>
      <AccountStatus workspace={workspace} />
    </HeaderShell>
  );
}
