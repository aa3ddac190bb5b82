package io.streampipe.cli.produce;

/** What a generated event is meant to be, so a run can account for every one of them. */
public enum EventKind {
  /** Passes every rule; becomes a row. */
  VALID,
  /** A repeat of an earlier valid event's key; collapses into that row. */
  DUPLICATE,
  /** Not JSON at all. */
  MALFORMED_JSON,
  /** A required field is missing. */
  MISSING_REQUIRED,
  /** A value of the wrong type (text where a number, uuid or timestamp belongs). */
  WRONG_TYPE,
  /** A value that breaks a declared rule (pattern, allowed values, min/max). */
  RULE_VIOLATION;

  public boolean isValid() {
    return this == VALID || this == DUPLICATE;
  }
}
