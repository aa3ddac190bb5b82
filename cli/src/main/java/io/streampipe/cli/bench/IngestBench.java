package io.streampipe.cli.bench;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.cli.produce.EventGenerator;
import io.streampipe.cli.produce.GeneratedEvent;
import io.streampipe.ingest.Producers;
import io.streampipe.testkit.KafkaServer;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The ingester's throughput against a plain KafkaProducer sending the same records. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Start a local Kafka, pre-build user records, then measure in each run records/s into Kafka"
          + " for a plain KafkaProducer with the ingester's settings (the ceiling), the ingester"
          + " polling HTTP pages of 100 records, and the ingester reading a WebSocket firehose"
          + " (one record a message, in text frames and in binary frames). Prints the medians,"
          + " the ratios and the CPU per record of each side. See cli/BENCHMARK.md."
    })
public final class IngestBench implements Callable<Integer> {
  private static final double TARGET = 0.8;

  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Option(
      names = "--records",
      defaultValue = "1000000",
      description = "Records per run (default ${DEFAULT-VALUE}).")
  int records;

  // Long runs, and enough of them for a median: on two shared cores a run's rate swings by half.
  @Option(names = "--runs", defaultValue = "5", description = "Runs (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = {"-f", "--file"},
      defaultValue = "examples/users-from-api.yaml",
      description = "Pipeline whose schema shapes the records (default ${DEFAULT-VALUE}).")
  Path file;

  @Option(
      names = "--paths",
      split = ",",
      defaultValue = "PLAIN,HTTP,WS_TEXT,WS_BINARY",
      description =
          "Paths to measure, the plain producer always among them (default ${DEFAULT-VALUE}).")
  EnumSet<IngestPaths.Path> paths;

  @Override
  public Integer call() throws Exception {
    paths.add(IngestPaths.Path.PLAIN);
    PrintWriter out = command.commandLine().getOut();
    PipelineDocument base = PipelineDocuments.read(file);
    EventGenerator generator = new EventGenerator(ValidPipeline.of(base).spec(), 7, 0, 0);
    List<byte[][]> prepared = new ArrayList<>(records);
    for (int i = 0; i < records; i++) {
      GeneratedEvent event = generator.next();
      prepared.add(
          new byte[][] {
            event.key().getBytes(StandardCharsets.UTF_8),
            event.value().getBytes(StandardCharsets.UTF_8)
          });
    }
    List<byte[]> values = prepared.stream().map(r -> r[1]).toList();
    out.printf("starting Kafka; %,d records of ~%d bytes%n", records, values.get(0).length);
    out.flush();
    try (KafkaServer kafka = new KafkaServer().start();
        IngestPages pages = new IngestPages(values, 100);
        IngestFirehose firehose = new IngestFirehose(values)) {
      IngestPaths runner =
          new IngestPaths(
              base, kafka.bootstrapServers(), new SideCpu(kafka.pid()), prepared, pages, firehose);
      IngestTopics topics = new IngestTopics(kafka.bootstrapServers());
      // An unreported round first, so no path pays for the JIT compiling code the others share.
      for (IngestPaths.Path path : paths) {
        runner.run(path, topics.fresh());
      }
      Map<IngestPaths.Path, List<IngestPaths.Measure>> measures =
          new EnumMap<>(IngestPaths.Path.class);
      for (int run = 0; run < runs; run++) {
        StringBuilder line = new StringBuilder("  run " + (run + 1) + ":");
        for (IngestPaths.Path path : paths) {
          IngestPaths.Measure measure = runner.run(path, topics.fresh());
          measures.computeIfAbsent(path, p -> new ArrayList<>()).add(measure);
          line.append(
              String.format(
                  " %s %,.0f/s%s;",
                  path.name().toLowerCase(Locale.ROOT),
                  measure.rate(),
                  measure.failed() == 0 ? "" : " (" + measure.failed() + " sends failed)"));
        }
        out.println(line);
        out.flush();
      }
      return report(out, measures);
    }
  }

  private int report(PrintWriter out, Map<IngestPaths.Path, List<IngestPaths.Measure>> measures) {
    out.printf(
        "ingest benchmark, median of %d runs of %,d records (load average %.1f):%n",
        runs, records, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.printf("  producer settings, both sides: %s%n", Producers.describe());
    double plain = median(measures.get(IngestPaths.Path.PLAIN), IngestPaths.Measure::rate);
    for (var entry : measures.entrySet()) {
      double rate = median(entry.getValue(), IngestPaths.Measure::rate);
      double ratio = rate / plain;
      boolean ceiling = entry.getKey() == IngestPaths.Path.PLAIN;
      String target = ceiling ? "" : ratio >= TARGET ? "  target met" : "  target NOT met";
      out.printf(
          "  %-34s %,9.0f records/s %.2fx%s%n    CPU %s%n",
          entry.getKey().label, rate, ratio, target, medianCpu(entry.getValue(), records));
    }
    out.printf("  target: >= %.1fx the plain producer, side by side in one run%n", TARGET);
    return 0;
  }

  private static double median(
      List<IngestPaths.Measure> measures, ToDoubleFunction<IngestPaths.Measure> value) {
    return Stats.median(measures.stream().map(m -> value.applyAsDouble(m)).toList());
  }

  /** The median CPU per record of each side, over the runs. */
  static String medianCpu(List<IngestPaths.Measure> path, long records) {
    SideCpu.Usage median =
        new SideCpu.Usage(
            (long) median(path, m -> m.cpu().client()),
            (long) median(path, m -> m.cpu().servers()),
            (long) median(path, m -> m.cpu().broker()));
    return median.perRecord(records);
  }
}
