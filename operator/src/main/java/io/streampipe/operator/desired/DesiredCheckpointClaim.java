package io.streampipe.operator.desired;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.streampipe.api.v1alpha1.CheckpointSpec;

/** The volume claim holding the job's checkpoint, so a restarted job resumes where it stopped. */
public final class DesiredCheckpointClaim {
  private DesiredCheckpointClaim() {}

  public static PersistentVolumeClaim build(ResolvedPipeline pipeline) {
    CheckpointSpec checkpoint = pipeline.spec().getProcessing().getCheckpoint();
    return new PersistentVolumeClaimBuilder()
        .withMetadata(pipeline.metadata(Names.checkpointClaim(pipeline.name()), "checkpoint"))
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withStorageClassName(checkpoint.getStorageClass())
        .withNewResources()
        .addToRequests("storage", new Quantity(checkpoint.getSize()))
        .endResources()
        .endSpec()
        .build();
  }
}
