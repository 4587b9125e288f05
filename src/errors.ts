// Errors the CLI turns into one line on stderr and exit code 2; anything else is a bug.

export type ErrorKind = 'usage' | 'input';

export class ResonateError extends Error {
  readonly kind: ErrorKind;
  readonly hint?: string;

  constructor(kind: ErrorKind, message: string, hint?: string) {
    super(message);
    this.name = kind === 'usage' ? 'UsageError' : 'InputError';
    this.kind = kind;
    this.hint = hint;
  }
}

export class UsageError extends ResonateError {
  constructor(message: string, hint?: string) {
    super('usage', message, hint);
  }
}

export class InputError extends ResonateError {
  constructor(message: string, hint?: string) {
    super('input', message, hint);
  }
}
