/**
 * A file that cannot be loaded. `message` says what is wrong and what to do, in terms a planner
 * knows (column names, row numbers, coordinate systems); the app shows it and keeps every layer
 * that was already loaded.
 */
export class LoadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'LoadError';
  }
}
