package io.streampipe.operator.suspend;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.operator.quality.BudgetOutcome;
import io.streampipe.operator.suspend.Suspension.Cause;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuspensionTest {
  static final Optional<BudgetOutcome> OVER = Optional.of(new BudgetOutcome(true, "over"));
  static final Optional<BudgetOutcome> UNDER = Optional.of(new BudgetOutcome(false, "under"));

  @Test
  void theSpecSuspendsAndResumes() {
    assertThat(Suspension.decide(true, null, 4, false, Optional.empty(), false).cause())
        .isEqualTo(Cause.SPEC);
    assertThat(Suspension.decide(false, null, 5, false, Optional.empty(), false).cause())
        .isEqualTo(Cause.NONE);
  }

  @Test
  void overBudgetSuspendsOnlyWhenTheBudgetSaysSuspend() {
    Suspension tripped = Suspension.decide(false, null, 4, true, OVER, true);
    assertThat(tripped.cause()).isEqualTo(Cause.BUDGET);
    assertThat(tripped.budgetGeneration()).isEqualTo(4L);

    assertThat(Suspension.decide(false, null, 4, true, OVER, false).cause()).isEqualTo(Cause.NONE);
    assertThat(Suspension.decide(false, null, 4, true, UNDER, true).cause()).isEqualTo(Cause.NONE);
  }

  @Test
  void aBudgetSuspensionHoldsUntilTheGenerationChanges() {
    Suspension held = Suspension.decide(false, 4L, 4, true, Optional.empty(), true);
    assertThat(held.cause()).isEqualTo(Cause.BUDGET);
    assertThat(held.budgetGeneration()).isEqualTo(4L);

    Suspension resumed = Suspension.decide(false, 4L, 5, true, UNDER, true);
    assertThat(resumed.cause()).isEqualTo(Cause.NONE);
    assertThat(resumed.budgetGeneration()).isNull();
  }

  @Test
  void theSpecsSuspendWinsOverTheBudget() {
    Suspension both = Suspension.decide(true, null, 6, true, OVER, true);
    assertThat(both.cause()).isEqualTo(Cause.SPEC);
    assertThat(both.budgetGeneration()).isNull();
  }
}
