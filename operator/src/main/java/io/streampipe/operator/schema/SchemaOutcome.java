package io.streampipe.operator.schema;

import java.util.List;

/**
 * What the last schema reconciliation found: the "resource" of the Cassandra schema dependent.
 *
 * @param table keyspace.table
 * @param details refused changes, applied statements or the error, one sentence each
 */
public record SchemaOutcome(State state, String table, List<String> details, boolean changed) {

  /** Where the table stands against the spec. */
  public enum State {
    READY,
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
}
