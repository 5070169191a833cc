/**
 * What a domain rule refuses, in words a user can read. Domain code throws only this; `server/trpc.ts` maps
 * it to the transport's codes in one place, so jobs, seeds and tests call the same functions with no tRPC.
 */
export type DomainErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'PAYLOAD_TOO_LARGE';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** The input field the message is about, so a form can show it beside that field. */
  readonly field: string | undefined;

  constructor(options: { code: DomainErrorCode; message: string; field?: string; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.name = 'DomainError';
    this.code = options.code;
    this.field = options.field;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
