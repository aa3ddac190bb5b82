package io.streampipe.api.cql;

import io.streampipe.api.Durations;
import io.streampipe.api.FieldType;
import io.streampipe.api.v1alpha1.CassandraSinkSpec;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table as Cassandra sees it: columns with CQL types, key and default TTL. Built from a spec for
 * the desired table, or read back from system_schema for the existing one, so the two compare.
 *
 * @param columns column name to CQL type, in declaration order
 */
public record TableDefinition(
    String keyspace,
    String table,
    Map<String, String> columns,
    List<String> partitionKey,
    List<String> clusteringColumns,
    long defaultTtlSeconds) {

  public TableDefinition {
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    partitionKey = List.copyOf(partitionKey);
    clusteringColumns = List.copyOf(clusteringColumns);
  }

  /** The table a validated, defaulted spec asks for. */
  public static TableDefinition desired(StreamingPipelineSpec spec) {
    CassandraSinkSpec sink = spec.getSink().getCassandra();
    Map<String, String> columns = new LinkedHashMap<>();
    for (FieldSpec field : spec.getSchema().getFields()) {
      columns.put(field.getName(), FieldType.require(field.getType()).cqlType());
    }
    List<String> clustering = spec.getSchema().getPrimaryKey().getClusteringColumns();
    return new TableDefinition(
        sink.getKeyspace().getName(),
        sink.getTable(),
        columns,
        spec.getSchema().getPrimaryKey().getPartitionKey(),
        clustering == null ? List.of() : clustering,
        Durations.require(sink.getTtl()).toSeconds());
  }

  public List<String> primaryKey() {
    List<String> key = new java.util.ArrayList<>(partitionKey);
    key.addAll(clusteringColumns);
    return key;
  }
}
