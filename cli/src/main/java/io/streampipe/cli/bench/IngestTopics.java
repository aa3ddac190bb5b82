package io.streampipe.cli.bench;

import io.streampipe.ingest.TopicLeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

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
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(name, name + ".dlq")) {
        for (int p = 0; p < 3; p++) {
          partitions.add(new TopicPartition(topic, p));
        }
      }
      // The plain producer sends the moment this returns (KAFKA-15591, see TopicLeaders).
      TopicLeaders.await(admin, partitions, Duration.ofSeconds(30));
    }
    return name;
  }
}
