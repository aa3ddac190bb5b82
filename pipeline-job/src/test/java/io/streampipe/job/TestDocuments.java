package io.streampipe.job;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;

/** Pipeline documents for tests: the reference users workload, renamed per test. */
public final class TestDocuments {
  private TestDocuments() {}

  /** The users pipeline reading {@code topic} into {@code keyspace.table}. */
  public static PipelineDocument users(
      String name, String bootstrap, String contactPoint, String topic, String table) {
    return PipelineDocuments.parse(
        """
        apiVersion: streampipe.io/v1alpha1
        kind: StreamingPipeline
        metadata:
          name: %s
        spec:
          source:
            bootstrapServers: %s
            topic:
              name: %s
              partitions: 2
            startingOffsets: earliest
            maxOffsetsPerTrigger: 100000
          schema:
            fields:
              - {name: id, type: uuid, required: true}
              - {name: first_name, type: text}
              - {name: gender, type: text, rules: {allowedValues: [male, female]}}
              - {name: email, type: text, required: true, rules: {pattern: "[^@ ]+@[^@ ]+\\\\.[a-z]+"}}
              - {name: age, type: int, rules: {min: 0, max: 150}}
              - {name: score, type: double}
              - {name: visits, type: bigint}
              - {name: active, type: boolean}
              - {name: registered_date, type: timestamp, required: true}
              - {name: dob, type: date}
            primaryKey:
              partitionKey: [id]
          sink:
            cassandra:
              contactPoints: ["%s"]
              keyspace: {name: streampipe_it}
              table: %s
              ttl: 20m
          processing:
            trigger: 1s
          monitoring:
            prometheus: {enabled: true, port: 9464}
        """
            .formatted(name, bootstrap, topic, contactPoint, table),
        name + ".yaml");
  }

  public static PipelineDocument users() {
    return users("users", "localhost:9092", "localhost:9042", "users_created", "created_users");
  }
}
