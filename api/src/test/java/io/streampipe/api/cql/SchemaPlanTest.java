package io.streampipe.api.cql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaPlanTest {

  private final TableDefinition existing =
      table(Map.of("id", "uuid", "email", "text"), List.of("id"), 1200);

  @Test
  void sameTableNeedsNothing() {
    assertThat(SchemaPlan.between(existing, existing).isNoop()).isTrue();
  }

  @Test
  void addsNewColumnsAndChangesTtlOnline() {
    TableDefinition desired =
        table(Map.of("id", "uuid", "email", "text", "age", "int"), List.of("id"), 60);

    SchemaPlan plan = SchemaPlan.between(existing, desired);

    assertThat(plan.refused()).isEmpty();
    assertThat(plan.statements())
        .containsExactly(
            "ALTER TABLE \"ks\".\"t\" ADD \"age\" int",
            "ALTER TABLE \"ks\".\"t\" WITH default_time_to_live = 60");
  }

  @Test
  void refusesATypeChangeAndAppliesNothing() {
    TableDefinition desired =
        table(Map.of("id", "uuid", "email", "int", "age", "int"), List.of("id"), 1200);

    SchemaPlan plan = SchemaPlan.between(existing, desired);

    assertThat(plan.statements()).isEmpty();
    assertThat(plan.refused()).containsExactly("column email is text and cannot change to int");
  }

  @Test
  void refusesAPrimaryKeyChange() {
    TableDefinition desired = table(Map.of("id", "uuid", "email", "text"), List.of("email"), 1200);

    assertThat(SchemaPlan.between(existing, desired).refused())
        .containsExactly(
            "primary key is ([id]) and cannot change to ([email]); create a new table instead");
  }

  @Test
  void refusesDroppingAColumn() {
    TableDefinition desired = table(Map.of("id", "uuid"), List.of("id"), 1200);

    assertThat(SchemaPlan.between(existing, desired).refused())
        .containsExactly(
            "column email exists but is no longer declared; columns are never dropped");
  }

  private static TableDefinition table(Map<String, String> columns, List<String> key, long ttl) {
    return new TableDefinition("ks", "t", new LinkedHashMap<>(columns), key, List.of(), ttl);
  }
}
