package io.streampipe.cli.bench;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** A fresh input topic (3 partitions, like the example's) and its dead-letter topic per run. */
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
    }
    return name;
  }
}
