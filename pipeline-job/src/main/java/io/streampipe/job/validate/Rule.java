package io.streampipe.job.validate;

/**
 * Why a record was refused; the label is the {@code rule} of the dead-letter message and metric.
 */
public enum Rule {
  MALFORMED_JSON("malformed_json"),
  REQUIRED("required"),
  TYPE("type"),
  PATTERN("pattern"),
  ALLOWED_VALUES("allowed_values"),
  MIN("min"),
  MAX("max"),
  AVRO_MAGIC_BYTE("avro_magic_byte"),
  UNKNOWN_SCHEMA_ID("unknown_schema_id"),
  AVRO_DECODE("avro_decode"),
  INCOMPATIBLE_SCHEMA("incompatible_schema");

  private final String label;

  Rule(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The rule of a label, as carried in a validated row. */
  public static Rule ofLabel(String label) {
    for (Rule rule : values()) {
      if (rule.label.equals(label)) {
        return rule;
      }
    }
    throw new IllegalArgumentException("unknown rule label: " + label);
  }
}
