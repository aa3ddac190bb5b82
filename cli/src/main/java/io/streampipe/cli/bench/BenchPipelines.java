package io.streampipe.cli.bench;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.cli.Provisioning;
import io.streampipe.job.JobSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies of the reference pipeline for single runs: each on a fresh topic and checkpoint, the same
 * table, so no run starts from another's offsets.
 */
final class BenchPipelines {
  private final PipelineDocument reference;
  private int runs;

  BenchPipelines(PipelineDocument reference) {
    this.reference = reference;
  }

  /** A provisioned copy reading a new topic, with its own trigger and batch bound. */
  PipelineDocument fresh(String purpose, String trigger, long maxOffsetsPerTrigger) {
    PipelineDocument copy = PipelineDocuments.parse(PipelineDocuments.write(reference), "bench");
    var source = copy.spec().getSource();
    source.getTopic().setName(source.getTopic().getName() + "_" + purpose + "_" + ++runs);
    source.setStartingOffsets("earliest");
    source.setMaxOffsetsPerTrigger(maxOffsetsPerTrigger);
    copy.spec()
        .getQuality()
        .getDeadLetter()
        .getTopic()
        .setName(source.getTopic().getName() + ".dlq");
    copy.spec().getProcessing().setTrigger(trigger);
    copy.spec().getMonitoring().getPrometheus().setEnabled(false);
    StringWriter quiet = new StringWriter();
    Provisioning.provision(copy, new PrintWriter(quiet));
    return copy;
  }

  /**
   * Fresh checkpoint, no metrics endpoint, and the given writes in flight per task (null: default).
   */
  static JobSettings settings(PipelineDocument pipeline, Integer inFlight) {
    try {
      Path checkpoint = Files.createTempDirectory("streampipe-bench-checkpoint");
      JobSettings settings =
          JobSettings.fromEnvironment(pipeline)
              .withCheckpointLocation(checkpoint.toString())
              .withMetricsPort(-1);
      return inFlight == null ? settings : settings.withMaxInFlight(inFlight);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
