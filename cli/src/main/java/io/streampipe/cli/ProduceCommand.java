package io.streampipe.cli;

import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.cli.produce.EventEncoding;
import io.streampipe.cli.produce.EventGenerator;
import io.streampipe.cli.produce.EventProducer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The load generator: events matching the pipeline's schema, at a steady rate. */
@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description =
        "Send events that match the pipeline's schema (with a share of bad and repeated ones) to its topic.")
final class ProduceCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Mixin PipelineFile file;

  @Mixin ConnectionOptions connections;

  @Option(
      names = "--rate",
      defaultValue = "1000",
      description = "Events per second; 0 for as fast as possible (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--count",
      defaultValue = "10000",
      description = "How many events (default ${DEFAULT-VALUE}).")
  long count;

  @Option(
      names = "--invalid-ratio",
      defaultValue = "0.02",
      description = "Share of bad events (default ${DEFAULT-VALUE}).")
  double invalidRatio;

  @Option(
      names = "--duplicate-ratio",
      defaultValue = "0.01",
      description = "Share of repeated events (default ${DEFAULT-VALUE}).")
  double duplicateRatio;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed, for repeatable runs.")
  long seed;

  @Option(
      names = "--format",
      description =
          "json or avro (default: the file's spec.source.format); avro registers the pipeline's"
              + " schema under its subject and sends the registry wire format.")
  String format;

  @Override
  public Integer call() {
    StreamingPipelineSpec spec =
        Pipelines.validated(SourceFormats.apply(file.read(), format), connections).spec();
    String bootstrap = ConnectionOptions.bootstrapOf(spec);
    Endpoints.requireReachable("Kafka", bootstrap, 9092);
    EventGenerator generator = new EventGenerator(spec, seed, invalidRatio, duplicateRatio);
    PrintWriter out = command.commandLine().getOut();
    if (!generator.canSatisfyRules()) {
      out.println(
          "warning: some text patterns cannot be met by generated values; those events will be dead-lettered");
    }
    String topic = spec.getSource().getTopic().getName();
    long started = System.nanoTime();
    try (EventProducer producer = new EventProducer(bootstrap, topic, EventEncoding.of(spec))) {
      producer.send(generator::next, count, rate, e -> {});
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        "sent %d events to %s in %.1f s (%.0f/s): %s%n",
        count, topic, seconds, count / seconds, generator.counts());
    out.printf("  %s%n", generator.expectedDeadLetters());
    return 0;
  }
}
