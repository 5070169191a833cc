/** The cause of the refusal when a workspace is suspended, so pages can show their own clear page. */
export class WorkspaceSuspendedError extends Error {
  constructor(readonly slug: string) {
    super('workspace suspended');
  }
}
