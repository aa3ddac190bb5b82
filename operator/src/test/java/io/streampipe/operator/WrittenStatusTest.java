package io.streampipe.operator;

import static io.streampipe.operator.TestObservations.observation;
import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.operator.status.StatusAggregator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The operator's own last status write stands in for the cache's until the cache shows it. */
class WrittenStatusTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final WrittenStatus written = new WrittenStatus();
  private final StreamingPipeline cached =
      TestPipelines.stored(TestPipelines.withServers("streams", "users", "kafka:9092"));
  private final StreamingPipelineStatus status =
      StatusAggregator.aggregate(null, observation("RUNNING", true), T0);

  @Test
  void whileTheCacheShowsTheVersionTheWriteWasBasedOnTheWriteIsHandedOut() {
    cached.getMetadata().setResourceVersion("7");
    written.wrote(cached, status);
    cached.setStatus(null);

    StreamingPipelineStatus before = written.onto(cached);
    assertThat(StatusAggregator.changed(status, before)).as("an equal copy").isFalse();
    assertThat(before.getConditions())
        .allSatisfy(c -> assertThat(c.getLastTransitionTime()).isEqualTo(T0.toString()));
    assertThat(cached.getStatus()).isSameAs(before);
    before.getConditions().clear();
    assertThat(written.onto(cached).getConditions()).as("a copy each time").isNotEmpty();
  }

  @Test
  void aCacheThatMovedOnOrAFailedReconcileIsReadAsItIs() {
    cached.getMetadata().setResourceVersion("7");
    written.wrote(cached, status);
    cached.getMetadata().setResourceVersion("8");
    cached.setStatus(null);
    assertThat(written.onto(cached)).isNull();
    cached.getMetadata().setResourceVersion("7");
    assertThat(written.onto(cached)).as("forgotten once passed").isNull();

    written.wrote(cached, status);
    written.forget(cached);
    assertThat(written.onto(cached)).isNull();
  }
}
