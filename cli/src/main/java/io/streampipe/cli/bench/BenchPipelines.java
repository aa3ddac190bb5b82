package io.streampipe.cli.bench;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.cli.Provisioning;
import io.streampipe.job.plan.JobSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Copies of the reference pipeline for single runs: each on a fresh topic and checkpoint, the same
 * table, so no run starts from another's offsets.
 */
final class BenchPipelines {
  private final ValidPipeline reference;
  private final UnaryOperator<JobSettings> tuning;
  private final String tag;
  private int runs;

  /**
   * @param tuning applied to the job's own settings, e.g. writes in flight
   */
  BenchPipelines(ValidPipeline reference, UnaryOperator<JobSettings> tuning) {
    this(reference, tuning, "");
  }

  /**
   * @param tag put before each copy's purpose in its topic's name, so two sets of copies of one
   *     reference never share a topic
   */
  BenchPipelines(ValidPipeline reference, UnaryOperator<JobSettings> tuning, String tag) {
    this.reference = reference;
    this.tuning = tuning;
    this.tag = tag;
  }

  /** A provisioned copy reading a new topic, with its own trigger and batch bound. */
  ValidPipeline fresh(String purpose, String trigger, long maxOffsetsPerTrigger) {
    PipelineDocument copy =
        PipelineDocuments.parse(PipelineDocuments.write(reference.document()), "bench");
    var source = copy.spec().getSource();
    source.getTopic().setName(source.getTopic().getName() + "_" + tag + purpose + "_" + ++runs);
    source.setStartingOffsets("earliest");
    source.setMaxOffsetsPerTrigger(maxOffsetsPerTrigger);
    copy.spec()
        .getQuality()
        .getDeadLetter()
        .getTopic()
        .setName(source.getTopic().getName() + ".dlq");
    copy.spec().getProcessing().setTrigger(trigger);
    copy.spec().getMonitoring().getPrometheus().setEnabled(false);
    ValidPipeline fresh = ValidPipeline.of(copy);
    StringWriter quiet = new StringWriter();
    Provisioning.provision(fresh, new PrintWriter(quiet));
    return fresh;
  }

  /** The job's settings with the bench's tuning, a fresh checkpoint and no metrics endpoint. */
  JobSettings settings(ValidPipeline pipeline) {
    try {
      Path checkpoint = Files.createTempDirectory("streampipe-bench-checkpoint");
      return tuning.apply(
          JobSettings.fromEnvironment(pipeline)
              .withCheckpointLocation(checkpoint.toString())
              .withMetricsPort(-1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
