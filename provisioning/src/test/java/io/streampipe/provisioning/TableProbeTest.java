package io.streampipe.provisioning;

import static io.streampipe.provisioning.Pipelines.events;
import static io.streampipe.provisioning.Pipelines.withColumn;
import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.cql.TableDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableProbeTest {
  private final TableDefinition expected = events("ks", "events", 60);

  @Test
  void absentKeyspaceOrTableIsReported() {
    assertThat(TableProbe.problems(SchemaState.keyspaceAbsent(), expected))
        .containsExactly("keyspace ks does not exist");
    assertThat(TableProbe.problems(SchemaState.tableAbsent(), expected))
        .containsExactly("table ks.events does not exist");
  }

  @Test
  void extraColumnsAndAnotherTtlAreFineForAWriter() {
    TableDefinition existing = Pipelines.withTtl(withColumn(expected, "extra", "int"), 0);
    assertThat(TableProbe.problems(SchemaState.present(existing), expected)).isEmpty();
  }

  @Test
  void missingColumnsOtherTypesAndOtherKeysAreReported() {
    TableDefinition existing =
        new TableDefinition(
            "ks",
            "events",
            java.util.Map.of("id", "uuid", "at", "date"),
            List.of("id"),
            List.of(),
            60);

    assertThat(TableProbe.problems(SchemaState.present(existing), expected))
        .containsExactly(
            "column at of ks.events is date, not timestamp",
            "table ks.events has no column kind",
            "table ks.events has primary key partition [id] clustering [], not partition [id]"
                + " clustering [at]");
  }

  @Test
  void theProvisionerChecksWhatItObserves() {
    InMemorySchemaProvisioner schema = new InMemorySchemaProvisioner();
    assertThat(schema.check(expected)).containsExactly("keyspace ks does not exist");
    schema.ensure(Pipelines.keyspace("ks"), expected);
    assertThat(schema.check(expected)).isEmpty();
  }
}
