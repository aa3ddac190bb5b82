package io.streampipe.provisioning;

import static io.streampipe.provisioning.Pipelines.events;
import static io.streampipe.provisioning.Pipelines.keyspace;
import static io.streampipe.provisioning.Pipelines.withColumn;
import static io.streampipe.provisioning.Pipelines.withTtl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.TableDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class InMemorySchemaProvisionerTest {
  private final InMemorySchemaProvisioner schema = new InMemorySchemaProvisioner();
  private final KeyspaceDefinition ks = keyspace("ks");
  private final TableDefinition table = events("ks", "events", 0);

  @Test
  void createsKeyspaceAndTableThenDoesNothing() {
    SchemaResult first = schema.ensure(ks, table);
    SchemaResult second = schema.ensure(ks, table);

    assertThat(first.createdKeyspace()).isTrue();
    assertThat(first.createdTable()).isTrue();
    assertThat(first.applied()).hasSize(2);
    assertThat(second.isChanged()).isFalse();
    assertThat(second.createdKeyspace()).isFalse();
    assertThat(schema.executed()).hasSize(2);
    assertThat(schema.observe("ks", "events")).isEqualTo(SchemaState.present(table));
  }

  @Test
  void createsOnlyTheTableInAnExistingKeyspace() {
    schema.put(ks, events("ks", "other", 0));

    SchemaResult result = schema.ensure(ks, table);

    assertThat(result.createdKeyspace()).isFalse();
    assertThat(result.createdTable()).isTrue();
    assertThat(result.applied()).singleElement().asString().startsWith("CREATE TABLE");
  }

  @Test
  void appliesSafeChanges() {
    schema.ensure(ks, table);
    TableDefinition evolved = withTtl(withColumn(table, "note", "text"), 600);

    SchemaResult result = schema.ensure(ks, evolved);

    assertThat(result.applied())
        .containsExactly(
            "ALTER TABLE \"ks\".\"events\" ADD \"note\" text",
            "ALTER TABLE \"ks\".\"events\" WITH default_time_to_live = 600");
    assertThat(schema.observe("ks", "events").existing()).contains(evolved);
  }

  @Test
  void refusesUnsafeChangesAndAppliesNothing() {
    schema.ensure(ks, table);
    TableDefinition retyped = withColumn(withTtl(table, 5), "kind", "int");

    SchemaResult result = schema.ensure(ks, retyped);

    assertThat(result.isRefused()).isTrue();
    assertThat(result.refused()).singleElement().asString().contains("kind");
    assertThat(result.applied()).isEmpty();
    assertThat(schema.executed()).hasSize(2);
    assertThat(schema.observe("ks", "events").existing()).contains(table);
  }

  @Test
  void dropsTablesButKeepsTheKeyspace() {
    schema.ensure(ks, table);
    schema.dropTable("ks", "events");

    assertThat(schema.observe("ks", "events")).isEqualTo(SchemaState.tableAbsent());
    assertThat(schema.keyspaceExists("ks")).isTrue();
  }

  @ParameterizedTest
  @FieldSource("io.streampipe.provisioning.HostileNames#ALL")
  void hostileNamesAreRefusedBeforeAnything(String name) {
    assertThatThrownBy(() -> schema.ensure(keyspace(name), events(name, "t", 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schema.ensure(ks, events("ks", name, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schema.ensure(ks, withColumn(table, name, "text")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schema.dropTable("ks", name))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(schema.executed()).isEmpty();
  }

  @Test
  void aTableMustBelongToTheKeyspaceGiven() {
    assertThatThrownBy(() -> schema.ensure(keyspace("other"), table))
        .hasMessageContaining("not other");
    assertThat(schema.executed()).isEmpty();
  }

  @Test
  void aHostileTypeIsRefused() {
    assertThatThrownBy(() -> schema.ensure(ks, withColumn(table, "x", "text) ; DROP")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(schema.executed()).isEqualTo(List.of());
  }
}
