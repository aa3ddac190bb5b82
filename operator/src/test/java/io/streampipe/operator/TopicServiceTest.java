package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.operator.dependent.AdminTopicsDependent;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.topics.TopicService;
import io.streampipe.operator.topics.TopicsObservation;
import io.streampipe.operator.topics.TopicsOutcome;
import io.streampipe.operator.topics.TopicsOutcome.State;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Kafka trouble becomes an outcome with a one-line detail, whatever the exception's message. */
class TopicServiceTest {

  @Test
  void anExceptionWithAnEmptyMessageIsReportedNotThrown() {
    assertThat(ensureFailingWith(new IllegalStateException("")).details())
        .containsExactly("IllegalStateException: ");
  }

  @Test
  void anExceptionWithoutAMessageIsReportedByItsClass() {
    TopicsOutcome outcome = ensureFailingWith(new IllegalStateException());

    assertThat(outcome.state()).isEqualTo(State.UNREACHABLE);
    assertThat(outcome.details()).containsExactly("IllegalStateException");
    assertThat(outcome.isReady()).isFalse();
  }

  @Test
  void onlyTheFirstLineOfAMessageIsKept() {
    assertThat(ensureFailingWith(new IllegalStateException("no broker\n  at somewhere")).details())
        .containsExactly("IllegalStateException: no broker");
  }

  @Test
  void observingReportsTheSameWayAsApplying() {
    IllegalStateException e = new IllegalStateException("no broker");
    TopicService failing =
        new TopicService(
            servers -> {
              throw e;
            });
    assertThat(failing.observe(pipeline())).isEqualTo(failing.apply(pipeline()));
  }

  private static TopicsOutcome ensureFailingWith(RuntimeException e) {
    TopicsObservation observed =
        new TopicService(
                servers -> {
                  throw e;
                })
            .apply(pipeline());
    return AdminTopicsDependent.outcome(observed, pipeline());
  }

  private static ResolvedPipeline pipeline() {
    return ResolvedPipeline.of(
        TestPipelines.users("ns", "users"), OperatorConfig.defaults(), Optional.empty());
  }
}
