package io.streampipe.cli.bench;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.v1alpha1.CursorSpec;
import io.streampipe.api.v1alpha1.HttpIngestSpec;
import io.streampipe.api.v1alpha1.IngestSpec;
import io.streampipe.api.v1alpha1.WebSocketIngestSpec;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.cli.produce.EventGenerator;
import io.streampipe.cli.produce.GeneratedEvent;
import io.streampipe.ingest.Ingester;
import io.streampipe.ingest.Producers;
import io.streampipe.testkit.KafkaServer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
          + " (one record a message). Prints the medians and the ratios. See cli/BENCHMARK.md."
    })
public final class IngestBench implements Callable<Integer> {
  private static final double TARGET = 0.8;

  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Option(
      names = "--records",
      defaultValue = "200000",
      description = "Records per run (default ${DEFAULT-VALUE}).")
  int records;

  @Option(names = "--runs", defaultValue = "3", description = "Runs (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = {"-f", "--file"},
      defaultValue = "examples/users-from-api.yaml",
      description = "Pipeline whose schema shapes the records (default ${DEFAULT-VALUE}).")
  Path file;

  @Override
  public Integer call() throws Exception {
    // The JDK server writes headers and body apart; with Nagle on, each page would wait for the
    // client's delayed ACK (40 ms) and the benchmark would measure that instead of the ingester.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    PrintWriter out = command.commandLine().getOut();
    PipelineDocument base = PipelineDocuments.read(file);
    List<GeneratedEvent> events = new ArrayList<>(records);
    EventGenerator generator = new EventGenerator(ValidPipeline.of(base).spec(), 7, 0, 0);
    for (int i = 0; i < records; i++) {
      events.add(generator.next());
    }
    List<String> values = events.stream().map(GeneratedEvent::value).toList();
    out.printf("starting Kafka; %,d records of ~%d bytes%n", records, values.get(0).length());
    out.flush();
    try (KafkaServer kafka = new KafkaServer().start();
        IngestPages pages = new IngestPages(values, 100)) {
      IngestFirehose firehose = new IngestFirehose(values);
      firehose.startAndWait();
      IngestTopics topics = new IngestTopics(kafka.bootstrapServers());
      double[][] rates = new double[3][runs];
      for (int run = 0; run < runs; run++) {
        rates[0][run] = plain(kafka.bootstrapServers(), topics.fresh(), events);
        rates[1][run] = ingest(base, kafka.bootstrapServers(), topics.fresh(), httpPages(pages));
        rates[2][run] = ingest(base, kafka.bootstrapServers(), topics.fresh(), firehose(firehose));
        out.printf(
            "  run %d: plain %,.0f/s, HTTP pages %,.0f/s, WebSocket %,.0f/s%n",
            run + 1, rates[0][run], rates[1][run], rates[2][run]);
        out.flush();
      }
      firehose.stop(1000);
      return report(out, median(rates[0]), median(rates[1]), median(rates[2]));
    }
  }

  private int report(PrintWriter out, double plain, double http, double ws) {
    out.printf("ingest benchmark, median of %d runs of %,d records:%n", runs, records);
    out.printf("  producer settings, both sides: %s%n", Producers.describe());
    out.printf("  %-36s %,12.0f records/s%n", "plain KafkaProducer (ceiling)", plain);
    out.printf(
        "  %-36s %,12.0f records/s  %.2fx%n", "ingester, HTTP pages of 100", http, http / plain);
    out.printf(
        "  %-36s %,12.0f records/s  %.2fx%n", "ingester, WebSocket firehose", ws, ws / plain);
    boolean met = http / plain >= TARGET && ws / plain >= TARGET;
    out.printf("  target >= %.1fx the plain producer: %s%n", TARGET, met ? "met" : "NOT met");
    return 0;
  }

  private static double plain(String bootstrap, String topic, List<GeneratedEvent> events) {
    List<byte[][]> prepared =
        events.stream()
            .map(
                e ->
                    new byte[][] {
                      e.key().getBytes(StandardCharsets.UTF_8),
                      e.value().getBytes(StandardCharsets.UTF_8)
                    })
            .toList();
    try (KafkaProducer<byte[], byte[]> producer = Producers.create(bootstrap)) {
      // As for the ingester: from the first send, the first metadata fetch included.
      long started = System.nanoTime();
      for (byte[][] record : prepared) {
        producer.send(new ProducerRecord<>(topic, record[0], record[1]));
      }
      producer.flush();
      return prepared.size() / ((System.nanoTime() - started) / 1e9);
    }
  }

  private double ingest(
      PipelineDocument base, String bootstrap, String topic, Consumer<IngestSpec> source)
      throws InterruptedException {
    var spec = PipelineDocuments.parse(PipelineDocuments.write(base), "bench").spec();
    spec.getSource().getTopic().setName(topic);
    IngestSpec ingest = new IngestSpec();
    ingest.setKeyField("id");
    source.accept(ingest);
    spec.setIngest(ingest);
    ValidPipeline pipeline = ValidPipeline.of(new PipelineDocument(base.name(), null, spec));
    Ingester ingester = Ingester.start(pipeline, bootstrap, OptionalInt.empty(), System::getenv);
    try (ingester) {
      // The clock starts with the first record, as the plain producer's does with its first send:
      // neither side's start-up (producer, state topic) is counted.
      while (ingester.metrics().totals().received() == 0) {
        Thread.sleep(1);
      }
      long started = System.nanoTime();
      while (ingester.metrics().totals().sent() < records) {
        Thread.sleep(2);
      }
      return records / ((System.nanoTime() - started) / 1e9);
    }
  }

  private static Consumer<IngestSpec> httpPages(IngestPages pages) {
    return ingest -> {
      HttpIngestSpec http = new HttpIngestSpec();
      http.setUrl(pages.url());
      http.setInterval("1s");
      CursorSpec cursor = new CursorSpec();
      cursor.setNextPath("/next");
      cursor.setParam("page");
      http.setCursor(cursor);
      ingest.setHttp(http);
      ingest.setRecordsPath("/results");
    };
  }

  private static Consumer<IngestSpec> firehose(IngestFirehose firehose) {
    return ingest -> {
      WebSocketIngestSpec ws = new WebSocketIngestSpec();
      ws.setUrl(firehose.url());
      ws.setSubscribe("{\"op\":\"subscribe\"}");
      ingest.setWebsocket(ws);
    };
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
