package io.streampipe.provisioning;

import static io.streampipe.provisioning.Pipelines.events;
import static io.streampipe.provisioning.Pipelines.keyspace;
import static io.streampipe.provisioning.Pipelines.withColumn;
import static io.streampipe.provisioning.Pipelines.withTtl;
import static io.streampipe.provisioning.Pipelines.withoutColumn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.SchemaPlan;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.testkit.CassandraServer;
import io.streampipe.testkit.LocalStack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CQL provisioner against a real Cassandra node, checked through system_schema. */
class CassandraSchemaProvisionerIT {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static CqlSession raw;
  private static CountingSession counting;

  private CqlSchemaProvisioner provisioner;
  private KeyspaceDefinition ks;
  private TableDefinition table;

  @BeforeAll
  static void connect() {
    CassandraServer cassandra = LocalStack.shared().cassandra();
    raw =
        CassandraSessions.open(
            CassandraConnection.of(List.of(cassandra.contactPoint()), cassandra.localDatacenter()));
    counting = CountingSession.over(raw);
  }

  @AfterAll
  static void disconnect() {
    raw.close();
  }

  @BeforeEach
  void freshNames() {
    String name = "schema_it_" + SEQUENCE.incrementAndGet();
    ks = keyspace(name);
    table = events(name, "events", 1200);
    provisioner = new CqlSchemaProvisioner(counting.session());
    counting.reset();
  }

  @Test
  void createsKeyspaceAndTableWithTtlThenSendsNoMoreDdl() {
    SchemaResult created = provisioner.ensure(ks, table);

    assertThat(created.createdKeyspace()).isTrue();
    assertThat(created.createdTable()).isTrue();
    assertThat(created.inAgreement()).isTrue();
    assertThat(counting.ddl()).containsExactlyElementsOf(created.applied()).hasSize(2);
    assertThat(defaultTtl()).isEqualTo(1200);
    assertThat(columns()).isEqualTo(Map.of("id", "uuid", "at", "timestamp", "kind", "text"));
    assertThat(SchemaPlan.between(observed(), table).isNoop()).isTrue();

    counting.reset();
    SchemaResult again = provisioner.ensure(ks, table);
    assertThat(again.isChanged()).isFalse();
    assertThat(again.createdKeyspace()).isFalse();
    assertThat(counting.ddl()).isEmpty();
  }

  @Test
  void readsBackTheKeyInOrder() {
    provisioner.ensure(ks, table);
    TableDefinition existing = observed();

    assertThat(existing.partitionKey()).containsExactly("id");
    assertThat(existing.clusteringColumns()).containsExactly("at");
    assertThat(existing.defaultTtlSeconds()).isEqualTo(1200);
    assertThat(io.streampipe.api.cql.SchemaPlan.between(existing, table).isNoop()).isTrue();
  }

  @Test
  void addsAColumnAndChangesTheTtlOnline() {
    provisioner.ensure(ks, table);
    TableDefinition evolved = withTtl(withColumn(table, "note", "text"), 60);
    counting.reset();

    SchemaResult result = provisioner.ensure(ks, evolved);

    assertThat(result.applied()).hasSize(2);
    assertThat(counting.ddl()).containsExactlyElementsOf(result.applied());
    assertThat(defaultTtl()).isEqualTo(60);
    assertThat(columns()).containsEntry("note", "text").hasSize(4);
    assertThat(result.createdTable()).isFalse();
  }

  @Test
  void refusesUnsafeChangesAndAppliesNone() {
    provisioner.ensure(ks, table);
    TableDefinition otherKey =
        new TableDefinition(
            ks.name(), "events", table.columns(), List.of("id", "at"), List.of(), 1200);
    TableDefinition retyped = withTtl(withColumn(table, "kind", "int"), 5);
    TableDefinition dropped = withColumn(withoutColumn(table, "kind"), "extra", "text");

    for (TableDefinition unsafe : List.of(otherKey, retyped, dropped)) {
      counting.reset();
      SchemaResult result = provisioner.ensure(ks, unsafe);
      assertThat(result.isRefused()).as(unsafe.toString()).isTrue();
      assertThat(result.applied()).isEmpty();
      assertThat(counting.ddl()).isEmpty();
    }
    assertThat(columns()).isEqualTo(Map.of("id", "uuid", "at", "timestamp", "kind", "text"));
    assertThat(defaultTtl()).isEqualTo(1200);
  }

  @Test
  void hostileNamesAreRefusedBeforeAnyCqlIsSent() {
    long keyspacesBefore = keyspaceCount();
    for (String name : HostileNames.ALL) {
      assertThatThrownBy(() -> provisioner.ensure(keyspace(name), events(name, "t", 0)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> provisioner.ensure(ks, events(ks.name(), name, 0)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> provisioner.ensure(ks, withColumn(table, name, "text")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> provisioner.observe(name, "t"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> provisioner.dropTable(ks.name(), name))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(counting.sent()).isEmpty();
    assertThat(keyspaceCount()).isEqualTo(keyspacesBefore);
  }

  @Test
  void dropsTheTableButNeverTheKeyspace() {
    provisioner.ensure(ks, table);

    provisioner.dropTable(ks.name(), "events");
    provisioner.dropTable(ks.name(), "events");

    assertThat(provisioner.observe(ks.name(), "events")).isEqualTo(SchemaState.tableAbsent());
    SchemaResult recreated = provisioner.ensure(ks, table);
    assertThat(recreated.createdKeyspace()).isFalse();
    assertThat(recreated.createdTable()).isTrue();
  }

  private TableDefinition observed() {
    return provisioner.observe(ks.name(), "events").existing().orElseThrow();
  }

  private int defaultTtl() {
    return raw.execute(
            "SELECT default_time_to_live FROM system_schema.tables"
                + " WHERE keyspace_name = ? AND table_name = 'events'",
            ks.name())
        .one()
        .getInt(0);
  }

  private Map<String, String> columns() {
    Map<String, String> columns = new HashMap<>();
    for (Row row :
        raw.execute(
            "SELECT column_name, type FROM system_schema.columns"
                + " WHERE keyspace_name = ? AND table_name = 'events'",
            ks.name())) {
      columns.put(row.getString(0), row.getString(1));
    }
    return columns;
  }

  private static long keyspaceCount() {
    return raw.execute("SELECT keyspace_name FROM system_schema.keyspaces").all().size();
  }
}
