package io.streampipe.operator.quality;

import io.streampipe.api.v1alpha1.BudgetSpec;
import io.streampipe.operator.quality.DeadLetterWindow.Interval;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether a pipeline dead-lettered more than its budget over the window, with a sentence naming the
 * figures and the rules that refused most; pure.
 */
public record BudgetOutcome(boolean exceeded, String message) {
  /** Rules named in the message, most refusals first. */
  static final int TOP_RULES = 3;

  public static BudgetOutcome of(Interval window, BudgetSpec budget) {
    double max = budget.getMaxDeadLetterRatio();
    String budgetText = percent(max);
    if (window.read() == 0) {
      return new BudgetOutcome(
          false,
          "no records read in the last " + budget.getWindow() + " (budget " + budgetText + ")");
    }
    double ratio = (double) window.deadLettered() / window.read();
    String figures =
        window.deadLettered()
            + " of "
            + window.read()
            + " records read in the last "
            + budget.getWindow()
            + " were dead-lettered ("
            + percent(ratio)
            + ", budget "
            + budgetText
            + ")";
    boolean exceeded = ratio > max;
    return new BudgetOutcome(exceeded, exceeded ? figures + topRules(window.byRule()) : figures);
  }

  private static String topRules(Map<String, Long> byRule) {
    if (byRule.isEmpty()) {
      return "";
    }
    return "; top rules: "
        + byRule.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(TOP_RULES)
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
  }
}
