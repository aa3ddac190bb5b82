package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.operator.dependent.CassandraSchemaDependent;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.schema.CqlProvisioners;
import io.streampipe.operator.schema.SchemaObservation;
import io.streampipe.operator.schema.SchemaOutcome;
import io.streampipe.operator.schema.SchemaService;
import io.streampipe.testkit.CassandraServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema dependent's service against a real Cassandra node from the testkit. */
class CassandraSchemaDependentIT {
  static CassandraServer cassandra;
  static CqlProvisioners provisioners;
  static SchemaService schemas;
  static CqlSession session;

  @BeforeAll
  static void start() {
    cassandra = new CassandraServer().start();
    provisioners = new CqlProvisioners();
    schemas = new SchemaService(provisioners);
    session =
        CqlSession.builder()
            .addContactPoint(cassandra.address())
            .withLocalDatacenter(cassandra.localDatacenter())
            .build();
  }

  @AfterAll
  static void stop() {
    if (session != null) {
      session.close();
    }
    if (provisioners != null) {
      provisioners.close();
    }
    if (cassandra != null) {
      cassandra.stop();
    }
  }

  @Test
  void createsEvolvesRefusesAndDrops() {
    StreamingPipeline pipeline = pipeline();
    SchemaObservation before = schemas.observe(resolve(pipeline), Optional.empty());
    assertThat(outcome(before, pipeline).state()).isEqualTo(SchemaOutcome.State.PENDING);
    assertThat(needsApply(before, pipeline)).isTrue();

    SchemaObservation created = schemas.apply(resolve(pipeline), Optional.empty());
    assertThat(outcome(created, pipeline).state()).isEqualTo(SchemaOutcome.State.READY);
    assertThat(ttl()).isEqualTo(1200);
    assertThat(schemas.observe(resolve(pipeline), Optional.empty()))
        .as("a poll sees what the apply returned: no event")
        .isEqualTo(created);
    assertThat(needsApply(created, pipeline)).as("idempotent: nothing to apply").isFalse();

    pipeline.getSpec().getSchema().getFields().add(new FieldSpec("country", "text", false));
    pipeline.getSpec().getSink().getCassandra().setTtl("1h");
    assertThat(needsApply(created, pipeline)).isTrue();
    SchemaObservation evolved = schemas.apply(resolve(pipeline), Optional.empty());
    assertThat(outcome(evolved, pipeline).state()).isEqualTo(SchemaOutcome.State.READY);
    assertThat(columnType("country")).isEqualTo("text");
    assertThat(ttl()).isEqualTo(3600);

    pipeline.getSpec().getSchema().getFields().get(1).setType("int");
    pipeline.getSpec().getSchema().getFields().removeIf(f -> f.getName().equals("phone"));
    SchemaOutcome refused = outcome(schemas.apply(resolve(pipeline), Optional.empty()), pipeline);
    assertThat(refused.state()).isEqualTo(SchemaOutcome.State.REFUSED);
    assertThat(String.join(" ", refused.details())).contains("first_name").contains("phone");
    assertThat(columnType("first_name")).isEqualTo("text");
    assertThat(columnType("phone")).isEqualTo("text");
    assertThat(needsApply(evolved, pipeline)).as("a refused plan sends nothing").isFalse();

    schemas.drop(resolve(pipeline()), Optional.empty());
    assertThat(
            session
                .execute(
                    "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?",
                    "spark_streams",
                    "created_users")
                .one())
        .isNull();
  }

  @Test
  void hostileNamesAreRefusedBeforeAnyConnection() {
    SchemaService guarded =
        new SchemaService(connection -> fail("no connection may be opened for a hostile name"));
    for (String hostile : List.of("x\"; DROP KEYSPACE system_auth; --", "a b", "system.x")) {
      StreamingPipeline pipeline = pipeline();
      pipeline.getSpec().getSink().getCassandra().setTable(hostile);
      assertThat(outcome(guarded.apply(resolve(pipeline), Optional.empty()), pipeline).state())
          .isEqualTo(SchemaOutcome.State.REFUSED);
      assertThat(outcome(guarded.observe(resolve(pipeline), Optional.empty()), pipeline).state())
          .isEqualTo(SchemaOutcome.State.REFUSED);
      assertThat(
              OperatorChecks.check(pipeline, OperatorConfig.defaults(), Optional.empty())
                  .problems())
          .anySatisfy(p -> assertThat(p.path()).isEqualTo("spec.sink.cassandra.table"));
    }
  }

  private static StreamingPipeline pipeline() {
    StreamingPipeline pipeline = TestPipelines.stored(TestPipelines.users("streams", "users"));
    pipeline.getSpec().getSink().getCassandra().setContactPoints(List.of(cassandra.contactPoint()));
    return pipeline;
  }

  private static SchemaOutcome outcome(SchemaObservation observed, StreamingPipeline pipeline) {
    return CassandraSchemaDependent.outcome(observed, resolve(pipeline));
  }

  private static boolean needsApply(SchemaObservation observed, StreamingPipeline pipeline) {
    return SchemaOutcome.needsApply(observed, TableDefinition.desired(resolve(pipeline).spec()));
  }

  private static ResolvedPipeline resolve(StreamingPipeline pipeline) {
    return ResolvedPipeline.of(pipeline, OperatorConfig.defaults(), Optional.empty());
  }

  private static int ttl() {
    Row row =
        session
            .execute(
                "SELECT default_time_to_live FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?",
                "spark_streams",
                "created_users")
            .one();
    return row.getInt(0);
  }

  private static String columnType(String column) {
    return session
        .execute(
            "SELECT type FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ? AND column_name = ?",
            "spark_streams",
            "created_users",
            column)
        .one()
        .getString(0);
  }
}
