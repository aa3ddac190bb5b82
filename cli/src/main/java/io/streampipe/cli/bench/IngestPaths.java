package io.streampipe.cli.bench;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.v1alpha1.CursorSpec;
import io.streampipe.api.v1alpha1.HttpIngestSpec;
import io.streampipe.api.v1alpha1.IngestSpec;
import io.streampipe.api.v1alpha1.WebSocketIngestSpec;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.ingest.IngestMetrics;
import io.streampipe.ingest.Ingester;
import io.streampipe.ingest.Producers;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The ways the ingest benchmark sends the same records into a fresh topic: the plain producer (the
 * ceiling) and the ingester from each local server. Each returns records/s and the CPU each side
 * spent over the same clock.
 */
final class IngestPaths {
  /** The paths measured, as named in the output and in {@code --paths}. */
  enum Path {
    PLAIN("plain KafkaProducer (ceiling)"),
    HTTP("ingester, HTTP pages of 100"),
    WS_TEXT("ingester, WebSocket text frames"),
    WS_BINARY("ingester, WebSocket binary frames");

    final String label;

    Path(String label) {
      this.label = label;
    }
  }

  /** Records acknowledged per second, the CPU spent meanwhile, and sends that failed. */
  record Measure(double rate, SideCpu.Usage cpu, long failed) {}

  private final PipelineDocument base;
  private final String bootstrap;
  private final SideCpu meter;
  private final List<byte[][]> records;
  private final IngestPages pages;
  private final IngestFirehose firehose;

  /**
   * @param records the records as {key, value} pairs, the values as the servers serve them
   */
  IngestPaths(
      PipelineDocument base,
      String bootstrap,
      SideCpu meter,
      List<byte[][]> records,
      IngestPages pages,
      IngestFirehose firehose) {
    this.base = base;
    this.bootstrap = bootstrap;
    this.meter = meter;
    this.records = records;
    this.pages = pages;
    this.firehose = firehose;
  }

  Measure run(Path path, String topic) throws InterruptedException {
    return switch (path) {
      case PLAIN -> plain(topic);
      case HTTP -> httpPages(topic);
      case WS_TEXT -> webSocket(topic, IngestFirehose.SUBSCRIBE_TEXT);
      case WS_BINARY -> webSocket(topic, IngestFirehose.SUBSCRIBE_BINARY);
    };
  }

  /** A plain KafkaProducer sending the records already serialised; acknowledged ones count. */
  private Measure plain(String topic) {
    LongAdder acknowledged = new LongAdder();
    LongAdder failed = new LongAdder();
    Callback count = (metadata, error) -> (error == null ? acknowledged : failed).increment();
    try (KafkaProducer<byte[], byte[]> producer = Producers.create(bootstrap)) {
      // As for the ingester: from the first send, the first metadata fetch included.
      SideCpu.Usage before = meter.now();
      long started = System.nanoTime();
      for (byte[][] record : records) {
        producer.send(new ProducerRecord<>(topic, record[0], record[1]), count);
      }
      producer.flush();
      long nanos = System.nanoTime() - started;
      return new Measure(
          Stats.perSecond(acknowledged.sum(), nanos), meter.now().minus(before), failed.sum());
    }
  }

  private Measure httpPages(String topic) throws InterruptedException {
    return ingest(
        topic,
        ingest -> {
          HttpIngestSpec http = new HttpIngestSpec();
          http.setUrl(pages.url());
          http.setInterval("1s");
          CursorSpec cursor = new CursorSpec();
          cursor.setNextPath("/next");
          cursor.setParam("page");
          http.setCursor(cursor);
          ingest.setHttp(http);
          ingest.setRecordsPath("/results");
        });
  }

  private Measure webSocket(String topic, String subscribe) throws InterruptedException {
    return ingest(
        topic,
        ingest -> {
          WebSocketIngestSpec ws = new WebSocketIngestSpec();
          ws.setUrl(firehose.url());
          ws.setSubscribe(subscribe);
          ingest.setWebsocket(ws);
        });
  }

  private Measure ingest(String topic, Consumer<IngestSpec> source) throws InterruptedException {
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
      SideCpu.Usage before = meter.now();
      long started = System.nanoTime();
      while (ingester.metrics().totals().sent() + ingester.metrics().totals().failed()
          < records.size()) {
        Thread.sleep(2);
      }
      long nanos = System.nanoTime() - started;
      IngestMetrics.Totals totals = ingester.metrics().totals();
      return new Measure(
          Stats.perSecond(totals.sent(), nanos), meter.now().minus(before), totals.failed());
    }
  }
}
