import { ERROR_MESSAGES, type ErrorCode } from '../../typings/errors';

/**
 * A rule said no. Thrown anywhere in the domain or a handler; the pipeline's one error mapper turns it
 * into `{ok:false, error:{code, message, fields}}`. The message defaults to the code's Chinese text.
 */
export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message?: string,
    public readonly fields?: Record<string, string>,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'DomainError';
  }
}
