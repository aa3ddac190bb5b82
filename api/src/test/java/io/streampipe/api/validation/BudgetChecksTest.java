package io.streampipe.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.Examples;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import org.junit.jupiter.api.Test;

class BudgetChecksTest {

  @Test
  void aRatioWithinZeroAndOneAndAWindowOfMinutesToADayAreAccepted() {
    assertThat(PipelineValidator.validate(withBudget(0.05, "10m"))).isEmpty();
    assertThat(PipelineValidator.validate(withBudget(0.0, "1m"))).isEmpty();
    assertThat(PipelineValidator.validate(withBudget(1.0, "1d"))).isEmpty();
    assertThat(PipelineValidator.validate(withBudget(0.5, null))).isEmpty();
  }

  @Test
  void aRatioOutsideZeroToOneIsRefusedAtItsPath() {
    assertThat(PipelineValidator.validate(withBudget(1.5, "10m")))
        .containsExactly(
            new Problem(
                "spec.quality.budget.maxDeadLetterRatio",
                "must be a ratio from 0 to 1, like 0.05"));
    assertThat(PipelineValidator.validate(withBudget(-0.1, "10m"))).hasSize(1);
    assertThat(PipelineValidator.validate(withBudget(Double.NaN, "10m"))).hasSize(1);
    assertThat(PipelineValidator.validate(withBudget(null, "10m"))).hasSize(1);
  }

  @Test
  void aWindowThatIsNoDurationOrOutOfBoundsIsRefused() {
    Problem expected =
        new Problem("spec.quality.budget.window", "must be a duration between 1m and 1d, like 10m");
    assertThat(PipelineValidator.validate(withBudget(0.05, "ten minutes")))
        .containsExactly(expected);
    assertThat(PipelineValidator.validate(withBudget(0.05, "30s"))).containsExactly(expected);
    assertThat(PipelineValidator.validate(withBudget(0.05, "2d"))).containsExactly(expected);
  }

  private static StreamingPipelineSpec withBudget(Double ratio, String window) {
    StreamingPipelineSpec spec = Examples.usersSpec();
    spec.getQuality().setBudget(Examples.budget(ratio, window));
    return spec;
  }
}
