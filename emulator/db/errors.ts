/**
 * Error codes the emulator replies with. Where CloudBase documents a code for the situation
 * (docs.cloudbase.net/error-code/...) we use it verbatim so production error handling is exercised;
 * the EMULATOR_* codes mark things the emulator deliberately refuses instead of silently misbehaving.
 *
 * Through wx-server-sdk, a reply `{code, message}` surfaces as an Error whose `errCode` is the numeric
 * TCB_ERR_CODE for known codes (-501001 SYS_ERR otherwise) and whose `errMsg` contains `message`;
 * through the inner @cloudbase/database calls (transaction commit, runTransaction) it surfaces as a
 * TcbError that keeps `code`. So messages carry the information app code can match on (e.g. E11000).
 */
export const ErrorCode = {
  /** docs.cloudbase.net/error-code/DATABASE_DUPLICATE_WRITE: "index key duplicate, e.g. inserting the same _id". */
  DuplicateWrite: 'DATABASE_DUPLICATE_WRITE',
  /** Optimistic check failed: a document this transaction read was changed outside it. runTransaction retries on it. */
  TransactionConflict: 'DATABASE_TRANSACTION_CONFLICT',
  /** Transaction unknown, expired or already finished ("[ResourceUnavailable.TransactionNotExist]" in production). */
  TransactionFail: 'DATABASE_TRANSACTION_FAIL',
  RequestFailed: 'DATABASE_REQUEST_FAILED',
  InvalidOperator: 'DATABASE_INVALID_OPERRATOR',
  CollectionNotExist: 'DATABASE_COLLECTION_NOT_EXIST',
  CollectionAlreadyExist: 'DATABASE_COLLECTION_ALREADY_EXIST',
  InvalidParam: 'INVALID_PARAM',
  /** An action (or a form of it) this emulator does not implement. */
  UnsupportedAction: 'EMULATOR_UNSUPPORTED_ACTION',
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A failure that is reported to the SDK as `{code, message}` rather than as an HTTP error. */
export class DbError extends Error {
  constructor(
    readonly code: ErrorCodeValue,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

export function duplicateKeyError(collection: string, indexName: string, dupKey: string): DbError {
  // Same wording as MongoDB (which backs CloudBase), so code matching /E11000|duplicate key/ works in both places.
  return new DbError(
    ErrorCode.DuplicateWrite,
    `E11000 duplicate key error collection: ${collection} index: ${indexName} dup key: ${dupKey}`,
  );
}

export function transactionNotExist(transactionId: string, why: string): DbError {
  return new DbError(
    ErrorCode.TransactionFail,
    `[ResourceUnavailable.TransactionNotExist] Transaction ${transactionId} does not exist on the server (${why}).`,
  );
}
