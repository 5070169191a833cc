/** True when a database error (drizzle wraps the driver's) is the named CHECK constraint failing. */
export function violatesCheck(error: unknown, constraint: string): boolean {
  let current: unknown = error;
  while (current instanceof Error) {
    if (current.message.includes(constraint)) return true;
    const named = (current as Error & { constraint_name?: string; constraint?: string }).constraint_name;
    if (named === constraint) return true;
    current = current.cause;
  }
  return false;
}
