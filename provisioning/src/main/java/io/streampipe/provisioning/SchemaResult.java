package io.streampipe.provisioning;

import java.util.List;

/**
 * What one {@code ensure} did.
 *
 * <p>{@code createdKeyspace} is the only record that the keyspace is ours: CQL has nowhere to mark
 * a keyspace's owner, so a caller that wants to drop "its" keyspace later must remember this flag
 * itself (and should usually not: other tables may have joined it since). It is best effort: two
 * callers racing on a new keyspace may both see it absent and both report true.
 *
 * @param applied the DDL sent, in order; empty when the schema already matched or was refused
 * @param refused one sentence per unsafe change; when not empty, {@code applied} is empty
 * @param inAgreement false when the cluster had not agreed on the new schema within the bounded
 *     wait; the DDL was applied and a later {@code ensure} is a no-op once it agrees
 */
public record SchemaResult(
    boolean createdKeyspace,
    boolean createdTable,
    List<String> applied,
    List<String> refused,
    boolean inAgreement) {

  public SchemaResult {
    applied = List.copyOf(applied);
    refused = List.copyOf(refused);
  }

  public static SchemaResult refusal(List<String> refused) {
    return new SchemaResult(false, false, List.of(), refused, true);
  }

  public boolean isRefused() {
    return !refused.isEmpty();
  }

  public boolean isChanged() {
    return !applied.isEmpty();
  }

  /** The schema matches the spec and every node knows it. */
  public boolean isReady() {
    return !isRefused() && inAgreement;
  }
}
