package io.streampipe.api.cql;

import io.streampipe.api.v1alpha1.KeyspaceSpec;
import io.streampipe.api.v1alpha1.ReplicationSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * A keyspace and its replication options, as CQL's replication map.
 *
 * @param replication e.g. {class=SimpleStrategy, replication_factor=1}
 */
public record KeyspaceDefinition(String name, Map<String, String> replication) {

  public KeyspaceDefinition {
    replication = java.util.Collections.unmodifiableMap(new TreeMap<>(replication));
  }

  /** The keyspace a validated, defaulted spec asks for. */
  public static KeyspaceDefinition desired(KeyspaceSpec keyspace) {
    ReplicationSpec spec = keyspace.getReplication();
    Map<String, String> options = new TreeMap<>();
    options.put("class", spec.getStrategy());
    if (ReplicationSpec.SIMPLE.equals(spec.getStrategy())) {
      options.put("replication_factor", String.valueOf(spec.getReplicationFactor()));
    } else {
      spec.getDatacenters().forEach((dc, factor) -> options.put(dc, String.valueOf(factor)));
    }
    return new KeyspaceDefinition(keyspace.getName(), options);
  }
}
