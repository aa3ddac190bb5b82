package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.cql.TableDefinition;
import io.streampipe.operator.schema.SchemaObservation;
import io.streampipe.operator.schema.SchemaObservation.State;
import io.streampipe.operator.schema.SchemaOutcome;
import io.streampipe.operator.topics.TopicsObservation;
import io.streampipe.operator.topics.TopicsOutcome;
import io.streampipe.provisioning.TopicDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The polled dependents' pure halves: whether an observation needs the safe plan applied (match)
 * and what the status reports for it, for the spec as it is now.
 */
class ExternalOutcomesTest {
  static final TableDefinition TABLE =
      new TableDefinition(
          "ks", "t", columns("id", "uuid", "name", "text"), List.of("id"), List.of(), 0);
  static final String SERVERS = "kafka:9092";
  static final TopicDefinition TOPIC =
      new TopicDefinition("events", 3, 1, Map.of("retention.ms", "1000"));

  @Test
  void aTableThatMatchesIsReadyAndNeedsNothing() {
    SchemaObservation observed = SchemaObservation.present(TABLE, true);
    assertThat(SchemaOutcome.of(observed, TABLE).state()).isEqualTo(SchemaOutcome.State.READY);
    assertThat(SchemaOutcome.needsApply(observed, TABLE)).isFalse();
  }

  @Test
  void aSpecChangeIsJudgedAgainstTheLastObservation() {
    SchemaObservation observed = SchemaObservation.present(TABLE, true);
    TableDefinition wider =
        new TableDefinition(
            "ks",
            "t",
            columns("id", "uuid", "name", "text", "country", "text"),
            List.of("id"),
            List.of(),
            0);
    assertThat(SchemaOutcome.needsApply(observed, wider)).isTrue();
    assertThat(SchemaOutcome.of(observed, wider).state()).isEqualTo(SchemaOutcome.State.PENDING);

    TableDefinition otherTable =
        new TableDefinition("ks", "u", TABLE.columns(), List.of("id"), List.of(), 0);
    assertThat(SchemaOutcome.needsApply(observed, otherTable)).isTrue();
    assertThat(SchemaOutcome.of(observed, otherTable).table()).isEqualTo("ks.u");
  }

  @Test
  void anUnsafeChangeIsRefusedWithoutAnApply() {
    TableDefinition retyped =
        new TableDefinition(
            "ks", "t", columns("id", "uuid", "name", "int"), List.of("id"), List.of(), 0);
    SchemaObservation observed = SchemaObservation.present(TABLE, true);
    SchemaOutcome outcome = SchemaOutcome.of(observed, retyped);
    assertThat(outcome.state()).isEqualTo(SchemaOutcome.State.REFUSED);
    assertThat(outcome.details()).containsExactly("column name is text and cannot change to int");
    assertThat(SchemaOutcome.needsApply(observed, retyped)).isFalse();
  }

  @Test
  void aDroppedTableOrAnOutageIsRetried() {
    for (State absent : List.of(State.KEYSPACE_ABSENT, State.TABLE_ABSENT)) {
      SchemaObservation observed = SchemaObservation.absent(absent, "ks.t");
      assertThat(SchemaOutcome.of(observed, TABLE).state()).isEqualTo(SchemaOutcome.State.PENDING);
      assertThat(SchemaOutcome.needsApply(observed, TABLE)).isTrue();
    }
    SchemaObservation down = SchemaObservation.failed(State.UNREACHABLE, "ks.t", "no host");
    assertThat(SchemaOutcome.of(down, TABLE))
        .isEqualTo(new SchemaOutcome(SchemaOutcome.State.UNREACHABLE, "ks.t", List.of("no host")));
    assertThat(SchemaOutcome.needsApply(down, TABLE)).isTrue();
    SchemaObservation noSecret =
        SchemaObservation.failed(State.CREDENTIALS_MISSING, "ks.t", "Secret s not found");
    assertThat(SchemaOutcome.of(noSecret, TABLE).state())
        .isEqualTo(SchemaOutcome.State.CREDENTIALS_MISSING);
    assertThat(SchemaOutcome.needsApply(noSecret, TABLE)).isTrue();
  }

  @Test
  void ddlTheNodesHaveNotAgreedOnAwaitsAgreement() {
    SchemaObservation observed = SchemaObservation.present(TABLE, false);
    assertThat(SchemaOutcome.of(observed, TABLE).state())
        .isEqualTo(SchemaOutcome.State.AWAITING_AGREEMENT);
    assertThat(SchemaOutcome.needsApply(observed, TABLE)).isTrue();
  }

  @Test
  void aRefusedNameIsReportedAndNeverApplied() {
    SchemaObservation observed = SchemaObservation.failed(State.INVALID, "ks.t", "bad name");
    assertThat(SchemaOutcome.of(observed, TABLE))
        .isEqualTo(new SchemaOutcome(SchemaOutcome.State.REFUSED, "ks.t", List.of("bad name")));
    assertThat(SchemaOutcome.needsApply(observed, TABLE)).isFalse();
  }

  @Test
  void topicsThatExistAreEnsuredAndDriftIsApplied() {
    TopicsObservation observed = topics(Map.of("events", TOPIC));
    assertThat(TopicsOutcome.of(observed, SERVERS, List.of(TOPIC)).state())
        .isEqualTo(TopicsOutcome.State.READY);
    assertThat(TopicsOutcome.needsApply(observed, SERVERS, List.of(TOPIC))).isFalse();

    TopicDefinition longer = new TopicDefinition("events", 3, 1, Map.of("retention.ms", "2000"));
    assertThat(TopicsOutcome.needsApply(observed, SERVERS, List.of(longer))).isTrue();
    assertThat(TopicsOutcome.needsApply(observed, "other:9092", List.of(TOPIC))).isTrue();
  }

  @Test
  void aMissingTopicIsPendingAndCreated() {
    TopicsObservation observed = topics(Map.of());
    assertThat(TopicsOutcome.of(observed, SERVERS, List.of(TOPIC)).state())
        .isEqualTo(TopicsOutcome.State.PENDING);
    assertThat(TopicsOutcome.needsApply(observed, SERVERS, List.of(TOPIC))).isTrue();
  }

  @Test
  void shrinkingIsRefusedWithoutAnApply() {
    TopicsObservation observed = topics(Map.of("events", TOPIC));
    TopicDefinition fewer = new TopicDefinition("events", 1, 1, TOPIC.config());
    TopicsOutcome outcome = TopicsOutcome.of(observed, SERVERS, List.of(fewer));
    assertThat(outcome.state()).isEqualTo(TopicsOutcome.State.REFUSED);
    assertThat(outcome.details())
        .containsExactly("topic events has 3 partitions and cannot shrink to 1");
    assertThat(TopicsOutcome.needsApply(observed, SERVERS, List.of(fewer))).isFalse();
  }

  @Test
  void anUnreachableClusterIsReportedAndRetried() {
    TopicsObservation down =
        TopicsObservation.unreachable(SERVERS, List.of("events"), "TimeoutException: no node");
    assertThat(TopicsOutcome.of(down, SERVERS, List.of(TOPIC)))
        .isEqualTo(
            new TopicsOutcome(
                TopicsOutcome.State.UNREACHABLE,
                SERVERS,
                List.of("events"),
                List.of("TimeoutException: no node")));
    assertThat(TopicsOutcome.needsApply(down, SERVERS, List.of(TOPIC))).isTrue();
  }

  private static TopicsObservation topics(Map<String, TopicDefinition> existing) {
    return new TopicsObservation(SERVERS, List.of("events"), existing, List.of());
  }

  private static Map<String, String> columns(String... nameThenType) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < nameThenType.length; i += 2) {
      columns.put(nameThenType[i], nameThenType[i + 1]);
    }
    return columns;
  }
}
