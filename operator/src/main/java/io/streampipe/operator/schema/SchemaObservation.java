package io.streampipe.operator.schema;

import io.streampipe.api.cql.TableDefinition;
import java.util.List;
import java.util.Optional;

/**
 * What Cassandra holds for the table a pipeline names, observed without changing anything: the
 * "resource" the schema dependent polls. It says nothing of the spec, so a spec change is compared
 * against the last observation as it is.
 *
 * @param table keyspace.table
 * @param existing the table as {@code system_schema} describes it, present exactly when {@code
 *     state} is {@link State#PRESENT}
 * @param inAgreement false right after DDL the nodes had not agreed on within the bounded wait
 * @param details why Cassandra could not be read, one sentence each; empty otherwise
 */
public record SchemaObservation(
    State state,
    String table,
    Optional<TableDefinition> existing,
    boolean inAgreement,
    List<String> details) {

  /** What could be seen of the table. */
  public enum State {
    KEYSPACE_ABSENT,
    TABLE_ABSENT,
    PRESENT,
    /** A name or type CQL rendering refuses: nothing was sent to Cassandra. */
    INVALID,
    CREDENTIALS_MISSING,
    UNREACHABLE
  }

  public SchemaObservation {
    details = List.copyOf(details);
  }

  public static SchemaObservation present(TableDefinition table, boolean inAgreement) {
    return new SchemaObservation(
        State.PRESENT, name(table), Optional.of(table), inAgreement, List.of());
  }

  public static SchemaObservation absent(State state, String table) {
    return new SchemaObservation(state, table, Optional.empty(), true, List.of());
  }

  public static SchemaObservation failed(State state, String table, String detail) {
    return new SchemaObservation(state, table, Optional.empty(), true, List.of(detail));
  }

  static String name(TableDefinition table) {
    return table.keyspace() + "." + table.table();
  }
}
