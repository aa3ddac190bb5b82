package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Getter;
import lombok.Setter;

/** The persistent volume that keeps the job's progress across restarts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class CheckpointSpec {

  @JsonPropertyDescription(
      "Volume size as a Kubernetes quantity (default 1Gi). It can grow: the claim is expanded when"
          + " its StorageClass allows volume expansion, and the CheckpointReady condition says when"
          + " it does not; a volume cannot shrink, so a smaller size is refused there.")
  private String size;

  @JsonPropertyDescription("Storage class of the volume (default: the cluster's default).")
  @ValidationRule(
      value = "self == oldSelf",
      message = "storageClass is immutable: a volume cannot move to another class")
  private String storageClass;

  @Pattern("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$")
  @JsonPropertyDescription(
      "Set to a new value to start a fresh checkpoint, read from source.startingOffsets: what a"
          + " checkpoint-breaking change (input topic, starting offsets) needs to be applied. The"
          + " old checkpoint stays on the volume. Letters, digits, _ and -, at most 63.")
  private String resetToken;
}
