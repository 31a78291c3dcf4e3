/** An error with an HTTP status, rendered as {"error": message, ...extra} by errors.ts. Its own module so that
 * what errors.ts renders (storage.ts's failures) can build one without importing the renderer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
