package io.streampipe.e2e;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.JobContract;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.testkit.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the e2e tests send a pipeline and read back: users events, rows, the job's own figures. */
final class Traffic implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LocalStack stack;
  private final CqlSession cql;
  private final HttpClient http = HttpClient.newHttpClient();

  Traffic(LocalStack stack) {
    this.stack = stack;
    this.cql =
        CqlSession.builder()
            .addContactPoint(stack.cassandra().address())
            .withLocalDatacenter(stack.cassandra().localDatacenter())
            .build();
  }

  /** A users event the example's rules accept when {@code gender} is male or female. */
  static String user(UUID id, String gender) {
    return "{\"id\":\""
        + id
        + "\",\"first_name\":\"Ada\",\"gender\":\""
        + gender
        + "\",\"email\":\"ada@example.org\",\"registered_date\":\"2024-03-01T10:15:30Z\"}";
  }

  /** {@code n} users events of distinct ids with this gender. */
  static List<Map.Entry<UUID, String>> users(int n, String gender) {
    List<Map.Entry<UUID, String>> events = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      UUID id = UUID.randomUUID();
      events.add(Map.entry(id, user(id, gender)));
    }
    return events;
  }

  /** Sends each event keyed by its id, and waits for the broker to have them all. */
  void send(StreamingPipeline pipeline, List<Map.Entry<UUID, String>> events) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      String topic = pipeline.getSpec().getSource().getTopic().getName();
      events.forEach(
          e -> producer.send(new ProducerRecord<>(topic, e.getKey().toString(), e.getValue())));
      producer.flush();
    }
  }

  /** Sends raw record values, e.g. Avro in the registry wire format, unkeyed. */
  void sendValues(StreamingPipeline pipeline, List<byte[]> values) {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      String topic = pipeline.getSpec().getSource().getTopic().getName();
      values.forEach(v -> producer.send(new ProducerRecord<>(topic, v)));
      producer.flush();
    }
  }

  /** The records of a topic, read until {@code expected} are there and a little longer. */
  int count(String topic, int expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafka().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "e2e-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    int count = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (count < expected && System.nanoTime() < deadline) {
        count += consumer.poll(Duration.ofMillis(300)).count();
      }
      count += consumer.poll(Duration.ofSeconds(1)).count();
    }
    return count;
  }

  long rows(StreamingPipeline pipeline) {
    var sink = pipeline.getSpec().getSink().getCassandra();
    return cql.execute(
            "SELECT COUNT(*) FROM "
                + CqlStatements.qualified(sink.getKeyspace().getName(), sink.getTable()))
        .one()
        .getLong(0);
  }

  /** Each row's key and the text of one of its columns. */
  Map<UUID, String> column(StreamingPipeline pipeline, String column) {
    var sink = pipeline.getSpec().getSink().getCassandra();
    Map<UUID, String> values = new java.util.HashMap<>();
    cql.execute(
            "SELECT id, "
                + column
                + " FROM "
                + CqlStatements.qualified(sink.getKeyspace().getName(), sink.getTable()))
        .forEach(r -> values.put(r.getUuid("id"), r.getString(column)));
    return values;
  }

  /** The job's own figures, read from its progress endpoint. */
  PipelineProgress jobProgress(StreamingPipeline pipeline)
      throws IOException, InterruptedException {
    URI url =
        URI.create(
            "http://127.0.0.1:"
                + pipeline.getSpec().getMonitoring().getPrometheus().getPort()
                + JobContract.PROGRESS_PATH);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(url).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return JSON.readValue(response.body(), PipelineProgress.class);
  }

  @Override
  public void close() {
    cql.close();
  }
}
