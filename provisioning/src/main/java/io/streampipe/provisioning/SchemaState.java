package io.streampipe.provisioning;

import io.streampipe.api.cql.TableDefinition;
import java.util.Optional;

/**
 * What Cassandra holds for a pipeline's table, read back from {@code system_schema}.
 *
 * @param existing the table as it is, present exactly when {@code presence} is {@link
 *     Presence#PRESENT}
 */
public record SchemaState(Presence presence, Optional<TableDefinition> existing) {

  /** Whether the keyspace and the table exist. */
  public enum Presence {
    KEYSPACE_ABSENT,
    TABLE_ABSENT,
    PRESENT
  }

  public SchemaState {
    if (existing.isPresent() != (presence == Presence.PRESENT)) {
      throw new IllegalArgumentException("a table is present exactly when presence is PRESENT");
    }
  }

  public static SchemaState keyspaceAbsent() {
    return new SchemaState(Presence.KEYSPACE_ABSENT, Optional.empty());
  }

  public static SchemaState tableAbsent() {
    return new SchemaState(Presence.TABLE_ABSENT, Optional.empty());
  }

  public static SchemaState present(TableDefinition table) {
    return new SchemaState(Presence.PRESENT, Optional.of(table));
  }
}
