package io.streampipe.job;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.testkit.CassandraServer;
import io.streampipe.testkit.LocalStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.sql.SparkSession;

/** The shared real servers of this module's ITs, and what the tests do with them. */
public final class ItStack {
  private static SparkSession spark;
  private static CqlSession cql;

  private ItStack() {}

  public static LocalStack stack() {
    return LocalStack.shared();
  }

  public static synchronized SparkSession spark() {
    if (spark == null) {
      spark =
          SparkSession.builder()
              .master("local[2]")
              .appName("pipeline-job-it")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .getOrCreate();
    }
    return spark;
  }

  public static synchronized CqlSession cql() {
    if (cql == null) {
      cql = session(stack().cassandra());
    }
    return cql;
  }

  /** A test's session to a node: schema changes get 30 s, as they need on a busy machine. */
  public static CqlSession session(CassandraServer node) {
    return node.testSession();
  }

  /** A fresh name, so tests sharing the servers never see each other's data. */
  public static String unique(String prefix) {
    return prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
  }

  /** A users pipeline on fresh topics and table, both created. */
  public static PipelineDocument pipeline(String name) {
    String topic = unique(name);
    PipelineDocument document =
        TestDocuments.users(
            name,
            stack().kafka().bootstrapServers(),
            stack().cassandra().contactPoint(),
            topic,
            unique("t"));
    createTopics(topic, topic + PipelineDefaults.DEAD_LETTER_SUFFIX);
    createTable(document);
    return document;
  }

  public static void createTopics(String... names) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
      List<NewTopic> topics = new ArrayList<>();
      for (String name : names) {
        topics.add(new NewTopic(name, 2, (short) 1));
      }
      admin.createTopics(topics).all().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static void createTable(PipelineDocument document) {
    createTable(document, cql());
  }

  /** The pipeline's keyspace and table, on the Cassandra that {@code session} reaches. */
  public static void createTable(PipelineDocument document, CqlSession session) {
    var spec = PipelineDefaults.apply(document.spec());
    var keyspace = KeyspaceDefinition.desired(spec.getSink().getCassandra().getKeyspace());
    session.execute(CqlStatements.createKeyspace(keyspace));
    session.execute(CqlStatements.createTable(TableDefinition.desired(spec)));
  }

  public static void produce(String topic, List<ProducerRecord<String, String>> records) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (ProducerRecord<String, String> record : records) {
        producer.send(
            new ProducerRecord<>(
                topic, record.partition(), record.timestamp(), record.key(), record.value()));
      }
      producer.flush();
    }
  }

  /** Every record of a topic, read until {@code expected} are there or the time is up. */
  public static List<ConsumerRecord<byte[], byte[]>> readAll(
      String topic, int expected, Duration within) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, unique("reader"));
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + within.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(300)).forEach(records::add);
      }
      // A little longer, to catch records beyond the expected count.
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }

  public static long countRows(PipelineDocument document) {
    var sink = document.spec().getSink().getCassandra();
    return cql()
        .execute(
            "SELECT COUNT(*) FROM "
                + CqlStatements.qualified(sink.getKeyspace().getName(), sink.getTable()))
        .one()
        .getLong(0);
  }

  public static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  public static String bootstrap() {
    return stack().kafka().bootstrapServers();
  }

  /** Polls until the condition holds; fails with the message after the timeout. */
  public static void await(
      Duration within, String what, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(200);
    }
  }
}
