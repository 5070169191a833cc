/**
 * An audited action ("invoices.creditNote", "job:course-hold-expiry", "platform.createWorkspace") in words for
 * the audit logs: "Invoices: credit note", "Scheduled job: course hold expiry", "Create workspace". The logs keep
 * the action itself too, for whoever needs to trace it.
 */
export function actionLabel(action: string): string {
  const named = namedActions[action];
  if (named) return named;
  if (action.startsWith('job:')) return `Scheduled job: ${action.slice(4).replaceAll('-', ' ')}`;
  const [area, what] = action.includes('.') ? action.split('.', 2) : ['', action];
  const words = sentence(what ?? '');
  return area && area !== 'platform' ? `${sentence(area)}: ${words.toLowerCase()}` : words;
}

/** "creditNote" → "Credit note". */
function sentence(camel: string): string {
  const words = camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Where splitting the name would not say what happened. */
const namedActions: Record<string, string> = {
  'platform.adminFromConfiguration': 'Platform administrator added (PLATFORM_ADMIN_EMAILS)',
};
