package io.streampipe.operator;

import java.time.Duration;

/**
 * How often the operator observes what has no watch (the Cassandra table, topics over the Kafka
 * Admin API): often while a part is not ready, rarely once it is, so drift such as a dropped table
 * is still noticed without a thousand pipelines each querying Cassandra every few seconds.
 */
public record PollingPeriods(Duration notReady, Duration ready) {}
