package io.streampipe.api.validation;

import io.streampipe.api.Durations;
import io.streampipe.api.v1alpha1.BudgetSpec;
import io.streampipe.api.v1alpha1.DeadLetterSpec;
import io.streampipe.api.v1alpha1.QualitySpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks of dead-lettering and deduplication. */
final class QualityChecks {
  private QualityChecks() {}

  static void check(StreamingPipelineSpec spec, Problems problems) {
    QualitySpec quality = spec.getQuality();
    DeadLetterSpec deadLetter = quality.getDeadLetter();
    if (deadLetter.isEnabled()) {
      String path = "spec.quality.deadLetter.topic";
      SourceChecks.topic(deadLetter.getTopic(), path, spec.getSource().getTopic(), problems);
      if (deadLetter.getTopic().getName() != null
          && deadLetter.getTopic().getName().equals(spec.getSource().getTopic().getName())) {
        problems.add(path + ".name", "must differ from the input topic");
      }
    }
    List<String> keys = quality.getDedupKeys();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      String path = "spec.quality.dedupKeys[" + i + "]";
      if (key == null || spec.getSchema().field(key).isEmpty()) {
        problems.add(path, "'" + key + "' is not a declared field");
      } else if (!seen.add(key)) {
        problems.add(path, "'" + key + "' appears twice");
      }
    }
    budget(quality.getBudget(), problems);
  }

  private static void budget(BudgetSpec budget, Problems problems) {
    if (budget == null) {
      return;
    }
    String path = "spec.quality.budget";
    problems.require(
        budget.getMaxDeadLetterRatio(),
        r -> r >= 0 && r <= 1,
        path + ".maxDeadLetterRatio",
        "must be a ratio from 0 to 1, like 0.05");
    problems.require(
        budget.getWindow(),
        w ->
            Durations.parse(w)
                .filter(
                    d ->
                        d.compareTo(Limits.MIN_BUDGET_WINDOW) >= 0
                            && d.compareTo(Limits.MAX_BUDGET_WINDOW) <= 0)
                .isPresent(),
        path + ".window",
        "must be a duration between 1m and 1d, like 10m");
  }
}
