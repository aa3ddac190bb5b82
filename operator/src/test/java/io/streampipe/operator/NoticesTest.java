package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.operator.status.Notices;
import io.streampipe.operator.status.Notices.Notice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events only on real transitions: Ready gained or lost, a part entering a failure. */
class NoticesTest {

  @Test
  void settingUpAPipelineIsNotNews() {
    StreamingPipelineStatus first =
        status(
            c("TopicsReady", "False", "TopicsPending"),
            c("JobRunning", "False", "JobNotCreated"),
            c("Ready", "False", "NotReady"));
    StreamingPipelineStatus later =
        status(
            c("TopicsReady", "True", "TopicsReady"),
            c("JobRunning", "False", "JobStarting"),
            c("Ready", "False", "NotReady"));

    assertThat(Notices.between(null, first)).isEmpty();
    assertThat(Notices.between(first, later)).isEmpty();
  }

  @Test
  void becomingReadyAndLosingItAreNews() {
    StreamingPipelineStatus pending = status(c("Ready", "False", "NotReady"));
    StreamingPipelineStatus ready = status(c("Ready", "True", "Ready"));

    assertThat(Notices.between(pending, ready)).map(Notice::type).containsExactly("Normal");
    assertThat(Notices.between(ready, ready)).isEmpty();
    assertThat(Notices.between(ready, pending))
        .containsExactly(new Notice("Warning", "NotReady", "Ready: m"));
  }

  @Test
  void aFailureIsNewsOnceUntilItsReasonChanges() {
    StreamingPipelineStatus failed = status(c("JobRunning", "False", "JobFailed"));
    StreamingPipelineStatus refused = status(c("JobRunning", "False", "SchemaChangeRefused"));

    assertThat(Notices.between(null, failed))
        .containsExactly(new Notice("Warning", "JobFailed", "JobRunning: m"));
    assertThat(Notices.between(failed, failed)).isEmpty();
    assertThat(Notices.between(failed, refused))
        .map(Notice::reason)
        .containsExactly("SchemaChangeRefused");
  }

  private static StreamingPipelineStatus status(PipelineCondition... conditions) {
    StreamingPipelineStatus status = new StreamingPipelineStatus();
    status.setConditions(List.of(conditions));
    return status;
  }

  private static PipelineCondition c(String type, String status, String reason) {
    PipelineCondition c = new PipelineCondition();
    c.setType(type);
    c.setStatus(status);
    c.setReason(reason);
    c.setMessage("m");
    return c;
  }
}
