package io.streampipe.operator.schema;

import io.streampipe.api.cql.SchemaPlan;
import io.streampipe.api.cql.TableDefinition;
import java.util.List;

/**
 * Where a pipeline's table stands against its spec: derived from the last observation and the
 * desired table alone, for the status and the workflow's ready condition.
 *
 * @param table keyspace.table
 * @param details refused changes or the error, one sentence each
 */
public record SchemaOutcome(State state, String table, List<String> details) {

  /** Where the table stands against the spec. */
  public enum State {
    READY,
    /** Not created yet, or changes not applied yet. */
    PENDING,
    REFUSED,
    AWAITING_AGREEMENT,
    CREDENTIALS_MISSING,
    UNREACHABLE
  }

  public SchemaOutcome {
    details = List.copyOf(details);
  }

  public boolean isReady() {
    return state == State.READY;
  }

  /** The outcome of {@code observed} for the {@code desired} table. */
  public static SchemaOutcome of(SchemaObservation observed, TableDefinition desired) {
    String table = SchemaObservation.name(desired);
    if (!observed.table().equals(table)) {
      return new SchemaOutcome(State.PENDING, table, List.of());
    }
    return switch (observed.state()) {
      case INVALID -> new SchemaOutcome(State.REFUSED, table, observed.details());
      case CREDENTIALS_MISSING ->
          new SchemaOutcome(State.CREDENTIALS_MISSING, table, observed.details());
      case UNREACHABLE -> new SchemaOutcome(State.UNREACHABLE, table, observed.details());
      case KEYSPACE_ABSENT, TABLE_ABSENT -> new SchemaOutcome(State.PENDING, table, List.of());
      case PRESENT -> present(observed, desired);
    };
  }

  /**
   * Whether applying the safe plan could change anything: the table is missing or has changes the
   * plan allows, or Cassandra could not be read (so it is worth trying again). A refused plan sends
   * nothing, so it needs no apply.
   */
  public static boolean needsApply(SchemaObservation observed, TableDefinition desired) {
    if (!observed.table().equals(SchemaObservation.name(desired))) {
      return true;
    }
    return switch (observed.state()) {
      case INVALID -> false;
      case PRESENT ->
          !observed.inAgreement()
              || !SchemaPlan.between(observed.existing().orElseThrow(), desired)
                  .statements()
                  .isEmpty();
      default -> true;
    };
  }

  private static SchemaOutcome present(SchemaObservation observed, TableDefinition desired) {
    String table = observed.table();
    SchemaPlan plan = SchemaPlan.between(observed.existing().orElseThrow(), desired);
    if (!plan.refused().isEmpty()) {
      return new SchemaOutcome(State.REFUSED, table, plan.refused());
    }
    if (!plan.statements().isEmpty()) {
      return new SchemaOutcome(State.PENDING, table, List.of());
    }
    State state = observed.inAgreement() ? State.READY : State.AWAITING_AGREEMENT;
    return new SchemaOutcome(state, table, List.of());
  }
}
