/**
 * The address a school's GIAS website opens: GIAS often writes it without a scheme ("www.grange.sch.uk"), so
 * one is added; anything that is not a plain http(s) address (a typo, "javascript:…") is shown but not linked.
 */
export function schoolWebsiteHref(website: string | null): string | null {
  const text = website?.trim() ?? '';
  if (text === '' || /\s/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.')) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** A telephone number as a tel: address (digits and a leading +), or null when it has no digits. */
export function telephoneHref(telephone: string | null): string | null {
  const digits = (telephone ?? '').replace(/[^\d+]/g, '');
  return /\d/.test(digits) ? `tel:${digits}` : null;
}
