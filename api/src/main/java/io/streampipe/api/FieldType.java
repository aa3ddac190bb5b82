package io.streampipe.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The field types a schema may declare, and the CQL type each becomes. */
public enum FieldType {
  TEXT("text"),
  UUID("uuid"),
  INT("int"),
  BIGINT("bigint"),
  DOUBLE("double"),
  BOOLEAN("boolean"),
  TIMESTAMP("timestamp"),
  DATE("date");

  private final String cqlType;

  FieldType(String cqlType) {
    this.cqlType = cqlType;
  }

  /** The name used in specs, which is also the CQL type name. */
  public String cqlType() {
    return cqlType;
  }

  public boolean isNumeric() {
    return this == INT || this == BIGINT || this == DOUBLE;
  }

  /** The type a spec names, or empty when the name is unknown. */
  public static Optional<FieldType> of(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(t -> t.cqlType.equals(name) || t.cqlType.equals(wanted))
        .findFirst();
  }

  /** The type a validated spec names; fails on names the validator would have refused. */
  public static FieldType require(String name) {
    return of(name).orElseThrow(() -> new IllegalArgumentException("unknown field type: " + name));
  }
}
