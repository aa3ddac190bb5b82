package io.streampipe.api.validation;

import io.streampipe.api.Durations;
import io.streampipe.api.KubernetesNames;
import io.streampipe.api.v1alpha1.CheckpointSpec;
import io.streampipe.api.v1alpha1.ProcessingSpec;
import io.streampipe.api.v1alpha1.PrometheusSpec;
import io.streampipe.api.v1alpha1.SparkResources;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;

/** Checks of the job's trigger, resources, checkpoint, image and metrics port. */
final class ProcessingChecks {
  private ProcessingChecks() {}

  static void check(StreamingPipelineSpec spec, Problems problems) {
    ProcessingSpec processing = spec.getProcessing();
    String path = "spec.processing";
    problems.require(
        processing.getTrigger(),
        t ->
            Durations.parse(t)
                .filter(
                    d ->
                        d.compareTo(Limits.MIN_TRIGGER) >= 0
                            && d.compareTo(Limits.MAX_TRIGGER) <= 0)
                .isPresent(),
        path + ".trigger",
        "must be a duration between 100ms and 1d, like 10s");
    resources(processing.getDriver(), path + ".driver", problems);
    resources(processing.getExecutor(), path + ".executor", problems);
    problems.require(
        processing.getExecutor().getInstances(),
        i -> i >= 1 && i <= Limits.MAX_EXECUTORS,
        path + ".executor.instances",
        "must be between 1 and " + Limits.MAX_EXECUTORS);
    checkpoint(processing.getCheckpoint(), path + ".checkpoint", problems);
    problems.whenSet(
        processing.getImage(),
        i -> Limits.IMAGE.matcher(i).matches(),
        path + ".image",
        "must be an image reference without spaces");
    PrometheusSpec prometheus = spec.getMonitoring().getPrometheus();
    problems.require(
        prometheus.getPort(),
        p -> p >= 1024 && p <= 65_535 && p != 4040,
        "spec.monitoring.prometheus.port",
        "must be between 1024 and 65535 and not 4040 (Spark's UI)");
  }

  private static void resources(SparkResources resources, String path, Problems problems) {
    problems.require(
        resources.getCores(),
        c -> c >= 1 && c <= Limits.MAX_CORES,
        path + ".cores",
        "must be between 1 and " + Limits.MAX_CORES);
    problems.require(
        resources.getMemory(),
        m -> {
          long mib = Limits.sparkMemoryMib(m);
          return mib >= 256 && mib <= Limits.MAX_MEMORY_MIB;
        },
        path + ".memory",
        "must be Spark memory between 256m and 512g, like 512m or 2g");
  }

  private static void checkpoint(CheckpointSpec checkpoint, String path, Problems problems) {
    problems.require(
        checkpoint.getSize(),
        s -> Limits.QUANTITY.matcher(s).matches(),
        path + ".size",
        "must be a Kubernetes quantity like 1Gi");
    problems.whenSet(
        checkpoint.getStorageClass(),
        KubernetesNames::isDnsSubdomain,
        path + ".storageClass",
        "must be the name of a StorageClass");
    problems.whenSet(
        checkpoint.getResetToken(),
        t -> Limits.RESET_TOKEN.matcher(t).matches(),
        path + ".resetToken",
        "must be 1 to 63 letters, digits, _ or -, starting with a letter or digit");
  }
}
