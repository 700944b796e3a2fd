/** An API call the backend refused, thrown to in-process callers (Backend.invoke: the CLI, tests). */
export class BackendCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly where?: string,
  ) {
    super(message);
  }
}
