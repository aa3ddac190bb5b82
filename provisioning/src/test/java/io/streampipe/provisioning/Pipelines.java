package io.streampipe.provisioning;

import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The project's reference pipeline and small tables derived from it, for tests. */
final class Pipelines {
  static final KeyspaceDefinition KEYSPACE =
      new KeyspaceDefinition(
          "prov_test", Map.of("class", "SimpleStrategy", "replication_factor", "1"));

  private Pipelines() {}

  static PipelineDocument users() {
    Path projectDir = Path.of(System.getProperty("streampipe.project.dir", ".."));
    return PipelineDocuments.read(projectDir.resolve("examples/users-pipeline.yaml"));
  }

  static StreamingPipelineSpec usersDefaulted() {
    return PipelineDefaults.apply(users().spec());
  }

  static KeyspaceDefinition keyspace(String name) {
    return new KeyspaceDefinition(name, KEYSPACE.replication());
  }

  /** events(id uuid, at timestamp, kind text, PRIMARY KEY (id, at)) with the given TTL. */
  static TableDefinition events(String keyspace, String table, long ttl) {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("id", "uuid");
    columns.put("at", "timestamp");
    columns.put("kind", "text");
    return new TableDefinition(keyspace, table, columns, List.of("id"), List.of("at"), ttl);
  }

  static TableDefinition withColumn(TableDefinition table, String column, String type) {
    Map<String, String> columns = new LinkedHashMap<>(table.columns());
    columns.put(column, type);
    return withColumns(table, columns);
  }

  static TableDefinition withoutColumn(TableDefinition table, String column) {
    Map<String, String> columns = new LinkedHashMap<>(table.columns());
    columns.remove(column);
    return withColumns(table, columns);
  }

  private static TableDefinition withColumns(TableDefinition table, Map<String, String> columns) {
    return new TableDefinition(
        table.keyspace(),
        table.table(),
        columns,
        table.partitionKey(),
        table.clusteringColumns(),
        table.defaultTtlSeconds());
  }

  static TableDefinition withTtl(TableDefinition table, long ttl) {
    return new TableDefinition(
        table.keyspace(),
        table.table(),
        table.columns(),
        table.partitionKey(),
        table.clusteringColumns(),
        ttl);
  }
}
