package io.streampipe.api.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streampipe.api.Examples;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CqlStatementsTest {

  private final StreamingPipelineSpec users = PipelineDefaults.apply(Examples.usersSpec());

  @Test
  void rendersTheReferenceKeyspace() {
    assertThat(
            CqlStatements.createKeyspace(
                KeyspaceDefinition.desired(users.getSink().getCassandra().getKeyspace())))
        .isEqualTo(
            "CREATE KEYSPACE IF NOT EXISTS \"spark_streams\" WITH replication ="
                + " {'class': 'SimpleStrategy', 'replication_factor': '1'}");
  }

  @Test
  void rendersNetworkTopologyReplication() {
    var keyspace =
        new KeyspaceDefinition(
            "ks", Map.of("class", "NetworkTopologyStrategy", "dc1", "3", "dc2", "2"));

    assertThat(CqlStatements.createKeyspace(keyspace))
        .isEqualTo(
            "CREATE KEYSPACE IF NOT EXISTS \"ks\" WITH replication ="
                + " {'class': 'NetworkTopologyStrategy', 'dc1': '3', 'dc2': '2'}");
  }

  @Test
  void rendersTheReferenceTableWithItsTtl() {
    assertThat(CqlStatements.createTable(TableDefinition.desired(users)))
        .isEqualTo(
            "CREATE TABLE IF NOT EXISTS \"spark_streams\".\"created_users\" (\"id\" uuid,"
                + " \"first_name\" text, \"last_name\" text, \"gender\" text, \"address\" text,"
                + " \"post_code\" text, \"email\" text, \"username\" text, \"dob\" timestamp,"
                + " \"registered_date\" timestamp, \"phone\" text, \"picture\" text,"
                + " PRIMARY KEY (\"id\")) WITH default_time_to_live = 1200");
  }

  @Test
  void rendersACompoundKey() {
    var table =
        new TableDefinition(
            "ks",
            "events",
            Map.of("tenant", "text", "day", "date", "at", "timestamp"),
            List.of("tenant", "day"),
            List.of("at"),
            0);

    assertThat(CqlStatements.createTable(table))
        .endsWith("PRIMARY KEY ((\"tenant\", \"day\"), \"at\")) WITH default_time_to_live = 0");
  }

  @Test
  void rendersThePreparedUpsert() {
    var table =
        new TableDefinition(
            "ks",
            "t",
            new java.util.LinkedHashMap<>(Map.of("id", "uuid")),
            List.of("id"),
            List.of(),
            0);

    assertThat(CqlStatements.upsert(table))
        .isEqualTo("INSERT INTO \"ks\".\"t\" (\"id\") VALUES (?)");
    assertThat(CqlStatements.upsertWithWriteTime(table))
        .isEqualTo("INSERT INTO \"ks\".\"t\" (\"id\") VALUES (?) USING TIMESTAMP ?");
  }

  @Test
  void rendersEvolutionStatements() {
    assertThat(CqlStatements.addColumn("ks", "t", "age", "int"))
        .isEqualTo("ALTER TABLE \"ks\".\"t\" ADD \"age\" int");
    assertThat(CqlStatements.setDefaultTtl("ks", "t", 60))
        .isEqualTo("ALTER TABLE \"ks\".\"t\" WITH default_time_to_live = 60");
    assertThat(CqlStatements.dropTable("ks", "t")).isEqualTo("DROP TABLE IF EXISTS \"ks\".\"t\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x; DROP KEYSPACE system",
        "a\"b",
        "прива",
        "",
        "1abc",
        "t" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void refusesHostileNamesBeforeAnyStatementExists(String hostile) {
    assertThatThrownBy(() -> CqlStatements.dropTable("ks", hostile))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("refusing CQL identifier");
    assertThatThrownBy(() -> CqlStatements.addColumn(hostile, "t", "c", "int"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAHostileType() {
    assertThatThrownBy(() -> CqlStatements.addColumn("ks", "t", "c", "int; DROP TABLE x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void escapesQuotesInReplicationLiterals() {
    var keyspace =
        new KeyspaceDefinition("ks", Map.of("class", "NetworkTopologyStrategy", "d'c", "1"));

    assertThat(CqlStatements.createKeyspace(keyspace)).contains("'d''c': '1'");
  }
}
