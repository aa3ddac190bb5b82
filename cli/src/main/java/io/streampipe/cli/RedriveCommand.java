package io.streampipe.cli;

import io.streampipe.api.StartingOffsets;
import io.streampipe.api.v1alpha1.TopicSpec;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.cli.redrive.Redrive;
import io.streampipe.cli.redrive.Selection;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Sends dead letters' original payloads back to the input topic, once each. */
@Command(
    name = "redrive",
    mixinStandardHelpOptions = true,
    description = {
      "Re-publish the original payloads of the selected dead letters to the input topic, after"
          + " the rule that refused them was fixed. Each source record is re-driven once: a"
          + " compacted topic <dead-letter topic>"
          + Redrive.LEDGER_SUFFIX
          + " remembers them.",
      "Payloads are re-sent byte for byte. A letter whose payload was cut to fit the dead-letter"
          + " topic is not re-sent; the output counts them."
    })
final class RedriveCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Mixin PipelineFile file;

  @Mixin ConnectionOptions connections;

  @Option(names = "--rule", description = "Only letters that broke this rule, e.g. allowed_values.")
  String rule;

  @Option(
      names = "--since",
      description = "Only letters dead-lettered at or after this ISO-8601 time.",
      converter = TimeConverter.class)
  Instant since;

  @Option(
      names = "--until",
      description = "Only letters dead-lettered before this ISO-8601 time.",
      converter = TimeConverter.class)
  Instant until;

  @Option(names = "--dry-run", description = "Count what would be re-published; send nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    ValidPipeline pipeline = Pipelines.validated(file.read(), connections);
    var quality = pipeline.spec().getQuality().getDeadLetter();
    if (!quality.isEnabled()) {
      throw new UserException("pipeline " + pipeline.name() + " has no dead-letter topic");
    }
    String bootstrap = ConnectionOptions.bootstrapOf(pipeline.spec());
    Endpoints.requireReachable("Kafka", bootstrap, 9092);
    TopicSpec deadLetter = quality.getTopic();
    String input = pipeline.spec().getSource().getTopic().getName();
    Redrive.Result result =
        Redrive.run(
            bootstrap,
            new Redrive.Topics(deadLetter.getName(), input, deadLetter.getReplicas()),
            new Selection(rule, since, until),
            dryRun);
    out.printf(
        "%s: %d letters read, %d unreadable%n",
        deadLetter.getName(), result.read(), result.unreadable());
    out.printf(
        "selected %d, %s %d to %s, skipped %d (re-driven before)%n",
        result.selected(),
        dryRun ? "would re-publish" : "re-published",
        dryRun ? result.selected() - result.skipped() - result.truncated() : result.republished(),
        input,
        result.skipped());
    if (result.truncated() > 0) {
      out.printf(
          "%d selected letters were cut to fit %s and were not re-published: their whole records"
              + " are at the source topic, partition and offset each letter names%n",
          result.truncated(), deadLetter.getName());
    }
    return 0;
  }

  /** An ISO-8601 time with its offset, as source.startingOffsets takes it. */
  static final class TimeConverter implements picocli.CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      return StartingOffsets.timestamp(value)
          .orElseThrow(
              () ->
                  new picocli.CommandLine.TypeConversionException(
                      "not an ISO-8601 time with its offset, like 2026-11-30T10:00:00Z: " + value));
    }
  }
}
