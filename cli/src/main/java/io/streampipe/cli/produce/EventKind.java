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
  RULE_VIOLATION,
  /** Avro sources: the record's JSON text, not in the registry wire format. */
  NOT_WIRE_FORMAT,
  /** Avro sources: wire format naming a schema id the registry does not have. */
  UNKNOWN_SCHEMA_ID,
  /** Avro sources: the registered schema's id, then bytes cut short of a whole record. */
  CORRUPT_AVRO;

  public boolean isValid() {
    return this == VALID || this == DUPLICATE;
  }

  /** The dead-letter rule the job files this kind under; null for valid kinds. */
  public String deadLetterRule() {
    return switch (this) {
      case VALID, DUPLICATE -> null;
      case MALFORMED_JSON -> "malformed_json";
      case MISSING_REQUIRED -> "required";
      case WRONG_TYPE -> "type";
      case RULE_VIOLATION -> "pattern|allowed_values|min|max";
      case NOT_WIRE_FORMAT -> "avro_magic_byte";
      case UNKNOWN_SCHEMA_ID -> "unknown_schema_id";
      case CORRUPT_AVRO -> "avro_decode";
    };
  }
}
