package io.streampipe.cli.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * A fresh input topic (3 partitions, like the example's) and its dead-letter topic per run, each
 * partition already served by its leader when returned.
 */
final class IngestTopics {
  private final String bootstrap;
  private int sequence;

  IngestTopics(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  String fresh() throws Exception {
    String name = "bench_ingest_" + ++sequence;
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      admin
          .createTopics(
              List.of(new NewTopic(name, 3, (short) 1), new NewTopic(name + ".dlq", 3, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
      // An idempotent producer sending at once to a partition its broker has not opened yet can
      // lose its first batch (KAFKA-15591): the batch is refused as not led, a later in-flight one
      // is appended, and the first is then refused as out of order until delivery.timeout.ms. A
      // leader answering ListOffsets for every partition has opened them all.
      Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
      for (String topic : List.of(name, name + ".dlq")) {
        for (int p = 0; p < 3; p++) {
          partitions.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
      }
      awaitLeaders(admin, partitions);
    }
    return name;
  }

  /** Asks until every partition's leader answers; the admin client gives up on "unknown". */
  private static void awaitLeaders(Admin admin, Map<TopicPartition, OffsetSpec> partitions)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }
}
