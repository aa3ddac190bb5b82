package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class NameClaimsTest {
  final StreamingPipeline first = created("a", "2026-01-05T10:00:00Z", p -> {});

  @Test
  void aPipelineClaimsItsTopicsAndItsTable() {
    assertThat(NameClaims.keys(first))
        .containsExactly(
            "streams/topic/users_created",
            "streams/topic/users_created.dlq",
            "streams/table/spark_streams.created_users");
  }

  @Test
  void theLaterOfTwoPipelinesOnOneTopicIsRefusedAndTheFirstIsNot() {
    StreamingPipeline second = created("b", "2026-01-05T11:00:00Z", p -> {});

    assertThat(taken(second, first, second))
        .extracting(Problem::path)
        .containsExactly(
            "spec.source.topic.name",
            "spec.quality.deadLetter.topic.name",
            "spec.sink.cassandra.table");
    assertThat(taken(second, first, second).get(0).message())
        .isEqualTo(
            "'users_created' belongs to pipeline a, created first: a topic or table belongs to"
                + " one pipeline");
    assertThat(taken(first, first, second)).as("the first keeps what it has").isEmpty();
  }

  @Test
  void anotherPipelinesDeadLetterTopicCannotBeAnInputTopic() {
    StreamingPipeline second =
        created(
            "b",
            "2026-01-05T11:00:00Z",
            p -> {
              p.getSpec().getSource().getTopic().setName("users_created.dlq");
              p.getSpec().getSink().getCassandra().setTable("replayed");
            });

    assertThat(taken(second, first, second))
        .extracting(Problem::path)
        .containsExactly("spec.source.topic.name");
  }

  @Test
  void tableNamesCompareAsCqlFoldsThem() {
    StreamingPipeline second =
        created(
            "b",
            "2026-01-05T11:00:00Z",
            p -> {
              p.getSpec().getSource().getTopic().setName("other");
              p.getSpec().getSink().getCassandra().setTable("Created_Users");
            });

    assertThat(taken(second, first, second))
        .extracting(Problem::path)
        .containsExactly("spec.sink.cassandra.table");
  }

  @Test
  void otherNamespacesAndOtherNamesDoNotCollide() {
    StreamingPipeline elsewhere = created("a", "2026-01-05T11:00:00Z", p -> {});
    elsewhere.getMetadata().setNamespace("staging");
    elsewhere.getMetadata().setUid("uid-elsewhere");
    StreamingPipeline renamed =
        created(
            "c",
            "2026-01-05T11:00:00Z",
            p -> {
              p.getSpec().getSource().getTopic().setName("orders");
              p.getSpec().getSink().getCassandra().setTable("orders");
            });

    assertThat(taken(elsewhere, first, elsewhere, renamed)).isEmpty();
    assertThat(taken(renamed, first, elsewhere, renamed)).isEmpty();
  }

  @Test
  void pipelinesCreatedInTheSameSecondAreOrderedByName() {
    StreamingPipeline twin = created("b", "2026-01-05T10:00:00Z", p -> {});

    assertThat(taken(twin, first, twin)).hasSize(3);
    assertThat(taken(first, first, twin)).isEmpty();
  }

  /** What the index would answer, over these pipelines. */
  private static List<Problem> taken(StreamingPipeline pipeline, StreamingPipeline... all) {
    return NameClaims.taken(
        pipeline,
        PipelineDefaults.apply(pipeline.getSpec()),
        key -> {
          List<StreamingPipeline> holders = new ArrayList<>();
          for (StreamingPipeline p : all) {
            if (NameClaims.keys(p).contains(key)) {
              holders.add(p);
            }
          }
          return holders;
        });
  }

  private static StreamingPipeline created(
      String name, String at, Consumer<StreamingPipeline> change) {
    StreamingPipeline pipeline = TestPipelines.users("streams", name);
    pipeline.getMetadata().setUid("uid-" + name);
    pipeline.getMetadata().setCreationTimestamp(at);
    change.accept(pipeline);
    return pipeline;
  }
}
