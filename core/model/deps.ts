/** Core has no ambient clock or randomness: callers pass them in, tests pass fixed ones. */
export interface CoreDeps {
  /** The current time as an ISO 8601 string with offset. */
  now: () => string;
  newId: () => string;
}
