// Exit codes are part of the CLI contract (DESIGN.md): 2 usage, 3 bad input.
export class UsageError extends Error {
  readonly exitCode = 2;
  override name = 'UsageError';
}

/** Input the tool refuses (binary, empty, undecodable, too large, malformed). Nothing is written. */
export class InputError extends Error {
  readonly exitCode = 3;
  override name = 'InputError';
  constructor(
    message: string,
    readonly path?: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A failure after part of the work was committed (a batch commits as it goes): `saved` says exactly what
 * was kept, so the message never claims "nothing was saved" when something was.
 */
export class PartlySavedError extends Error {
  override name = 'PartlySavedError';
  constructor(
    readonly failure: unknown,
    readonly saved: string,
  ) {
    super(`${errorMessage(failure)}; ${saved}`);
  }
}
