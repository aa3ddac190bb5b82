package io.streampipe.operator;

import io.streampipe.api.InvalidDocumentException;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.change.ChangeClass;
import io.streampipe.api.change.ChangeClassifier;
import io.streampipe.api.change.ChangeReport;
import io.streampipe.api.v1alpha1.LastChange;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.operator.desired.DesiredConfigMap;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.status.Reason;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a valid spec may replace the last applied one (the document in the job's ConfigMap), from
 * the class of the change: a refused change, or a checkpoint-breaking one without a new reset
 * token, leaves every running part as it is.
 */
public final class ChangeGate {
  private ChangeGate() {}

  /** What the operator does with a change. */
  public enum Action {
    Applied,
    CheckpointReset,
    NotApplied,
    /** A held change the spec no longer asks for: it is back to the one that runs. */
    Withdrawn
  }

  /** A classified change and what is done with it. */
  public record Decision(ChangeReport report, Action action) {

    public boolean applies() {
      return action != Action.NotApplied;
    }

    /** Why nothing was applied, as the Ready condition's reason. */
    public Reason reason() {
      return report.changeClass() == ChangeClass.REFUSED
          ? Reason.ChangeRefused
          : Reason.CheckpointResetRequired;
    }

    /** Why nothing was applied, as the Ready condition's message. */
    public String message() {
      return report.changeClass() == ChangeClass.REFUSED
          ? "change refused, nothing applied: " + report.describe(ChangeClass.REFUSED)
          : "checkpoint-breaking change, nothing applied: "
              + report.describe(ChangeClass.CHECKPOINT_BREAKING)
              + "; set processing.checkpoint.resetToken to a new value to apply it on a fresh"
              + " checkpoint that starts from source.startingOffsets";
    }

    /**
     * The status record of this change. When nothing changed the last record stays, unless it is a
     * held change: the spec is back to the one that runs, so that change is withdrawn.
     */
    public Optional<LastChange> lastChange(long generation, StreamingPipelineStatus before) {
      LastChange previous = before == null ? null : before.getLastChange();
      if (report.changeClass() == ChangeClass.NONE) {
        boolean held = previous != null && Action.NotApplied.name().equals(previous.getAction());
        return held
            ? Optional.of(
                record(
                    generation,
                    Action.Withdrawn,
                    "the change held at generation "
                        + previous.getGeneration()
                        + " is no longer asked for: the spec is the one that runs"))
            : Optional.empty();
      }
      return Optional.of(
          record(
              generation,
              action,
              report.changes().stream().map(Object::toString).collect(Collectors.joining("; "))));
    }

    private LastChange record(long generation, Action done, String message) {
      LastChange change = new LastChange();
      change.setGeneration(generation);
      change.setChangeClass(report.changeClass().name());
      change.setAction(done.name());
      change.setMessage(message);
      return change;
    }
  }

  /**
   * @param lastApplied the document the job's ConfigMap holds; empty before the first apply
   */
  public static Decision decide(Optional<String> lastApplied, ResolvedPipeline next) {
    Optional<ValidPipeline> before = lastApplied.flatMap(ChangeGate::readable);
    if (before.isEmpty()) {
      return new Decision(new ChangeReport(List.of()), Action.Applied);
    }
    ValidPipeline after =
        ValidPipeline.of(PipelineDocuments.parse(DesiredConfigMap.document(next), "the new spec"));
    ChangeReport report = ChangeClassifier.classify(before.get(), after);
    Action action =
        !report.applicable()
            ? Action.NotApplied
            : report.resetsCheckpoint() ? Action.CheckpointReset : Action.Applied;
    return new Decision(report, action);
  }

  // A document an older operator wrote and this one no longer accepts is no base to compare with.
  static Optional<ValidPipeline> readable(String document) {
    try {
      return Optional.of(
          ValidPipeline.of(PipelineDocuments.parse(document, "the last applied spec")));
    } catch (InvalidDocumentException | ValidPipeline.InvalidPipelineException e) {
      return Optional.empty();
    }
  }
}
