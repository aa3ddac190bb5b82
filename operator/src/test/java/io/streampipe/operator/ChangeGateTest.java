package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.change.ChangeReport;
import io.streampipe.api.v1alpha1.LastChange;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status record a change leaves behind. */
class ChangeGateTest {
  static final ChangeGate.Decision NOTHING_CHANGED =
      new ChangeGate.Decision(new ChangeReport(List.of()), ChangeGate.Action.Applied);

  @Test
  void noChangeKeepsTheLastRecordOfAnAppliedChange() {
    assertThat(NOTHING_CHANGED.lastChange(5, status(record(4, "IN_PLACE", "Applied")))).isEmpty();
    assertThat(NOTHING_CHANGED.lastChange(5, null)).isEmpty();
  }

  @Test
  void aHeldChangeThatTheSpecNoLongerAsksForIsWithdrawn() {
    LastChange withdrawn =
        NOTHING_CHANGED.lastChange(6, status(record(5, "REFUSED", "NotApplied"))).orElseThrow();

    assertThat(withdrawn.getGeneration()).isEqualTo(6L);
    assertThat(withdrawn.getChangeClass()).isEqualTo("NONE");
    assertThat(withdrawn.getAction()).isEqualTo("Withdrawn");
    assertThat(withdrawn.getMessage()).contains("held at generation 5");
  }

  private static StreamingPipelineStatus status(LastChange last) {
    StreamingPipelineStatus status = new StreamingPipelineStatus();
    status.setLastChange(last);
    return status;
  }

  private static LastChange record(long generation, String changeClass, String action) {
    LastChange change = new LastChange();
    change.setGeneration(generation);
    change.setChangeClass(changeClass);
    change.setAction(action);
    return change;
  }
}
