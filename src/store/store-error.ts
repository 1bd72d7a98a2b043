/** Why the store could not be used; `cause` keeps the underlying error. */
export type StoreErrorCode = 'STORE_CORRUPT' | 'STORE_IO' | 'STORE_LOCKED' | 'STORE_UNREACHABLE';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  readonly path: string;

  constructor(code: StoreErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.path = path;
  }
}
