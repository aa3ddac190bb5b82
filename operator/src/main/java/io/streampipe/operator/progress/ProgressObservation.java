package io.streampipe.operator.progress;

import io.streampipe.api.v1alpha1.PipelineProgress;
import java.util.Optional;

/**
 * One read of a job's progress endpoint: the figures, or why there are none. Equal reads are equal,
 * so an unchanged job triggers no reconcile.
 *
 * @param url where it was read
 * @param progress the figures, when the endpoint answered
 * @param problem why it did not, when it did not
 */
public record ProgressObservation(
    String url, Optional<PipelineProgress> progress, Optional<String> problem) {

  public static ProgressObservation answered(String url, PipelineProgress progress) {
    return new ProgressObservation(url, Optional.of(progress), Optional.empty());
  }

  public static ProgressObservation unreachable(String url, String problem) {
    return new ProgressObservation(url, Optional.empty(), Optional.of(problem));
  }
}
