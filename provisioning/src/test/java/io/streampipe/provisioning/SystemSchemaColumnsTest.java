package io.streampipe.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.cql.SchemaPlan;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.provisioning.SystemSchemaColumns.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemSchemaColumnsTest {

  @Test
  void keyColumnsFollowTheirPositionsNotTheirNames() {
    // system_schema.columns is clustered by column name, so rows arrive alphabetically.
    List<Column> rows =
        List.of(
            new Column("a_day", "clustering", 1, "date"),
            new Column("payload", "regular", -1, "text"),
            new Column("tenant", "partition_key", 0, "text"),
            new Column("bucket", "partition_key", 1, "int"),
            new Column("z_seq", "clustering", 0, "bigint"));

    TableDefinition table = SystemSchemaColumns.toTable("ks", "t", rows, 1200);

    assertThat(table.partitionKey()).containsExactly("tenant", "bucket");
    assertThat(table.clusteringColumns()).containsExactly("z_seq", "a_day");
    assertThat(table.columns())
        .containsExactly(
            java.util.Map.entry("tenant", "text"),
            java.util.Map.entry("bucket", "int"),
            java.util.Map.entry("z_seq", "bigint"),
            java.util.Map.entry("a_day", "date"),
            java.util.Map.entry("payload", "text"));
    assertThat(table.defaultTtlSeconds()).isEqualTo(1200);
  }

  @Test
  void aTableReadBackPlansNoChangeAgainstTheSpecThatMadeIt() {
    TableDefinition desired = Pipelines.events("ks", "events", 60);
    List<Column> rows =
        List.of(
            new Column("at", "clustering", 0, "timestamp"),
            new Column("id", "partition_key", 0, "uuid"),
            new Column("kind", "regular", -1, "text"));

    TableDefinition existing = SystemSchemaColumns.toTable("ks", "events", rows, 60);

    assertThat(SchemaPlan.between(existing, desired).isNoop()).isTrue();
  }
}
