package io.streampipe.api.change;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A classified change from the last applied spec to a new one.
 *
 * @param changes every changed property, in spec order
 */
public record ChangeReport(List<FieldChange> changes) {

  public ChangeReport {
    changes = List.copyOf(changes);
  }

  /** The most severe class among the changes; NONE when nothing changed. */
  public ChangeClass changeClass() {
    return changes.stream()
        .map(FieldChange::changeClass)
        .reduce(ChangeClass.NONE, ChangeClass::max);
  }

  /** Whether the reset token changed, which is what lets a checkpoint-breaking change through. */
  public boolean resetsCheckpoint() {
    return changes.stream().anyMatch(c -> c.path().equals(ChangeRules.RESET_TOKEN));
  }

  /** Whether the change may be applied: nothing refused, and a reset for a broken checkpoint. */
  public boolean applicable() {
    ChangeClass changeClass = changeClass();
    return changeClass != ChangeClass.REFUSED
        && (changeClass != ChangeClass.CHECKPOINT_BREAKING || resetsCheckpoint());
  }

  /** The changes of the given class, one per line part, for messages. */
  public String describe(ChangeClass only) {
    return changes.stream()
        .filter(c -> c.changeClass() == only)
        .map(FieldChange::toString)
        .collect(Collectors.joining("; "));
  }
}
