package io.streampipe.job.source;

import java.util.Optional;

/**
 * What to say about Kafka's reachability, check after check: a warning on every check while it
 * cannot be reached (since when, and why), one line when it answers again. Pure bookkeeping.
 */
final class KafkaOutage {
  private final String servers;
  private long downSince = -1;

  KafkaOutage(String servers) {
    this.servers = servers;
  }

  /** The warning for a failed check at {@code nowMillis}. */
  String unreachable(long nowMillis, String cause) {
    if (downSince < 0) {
      downSince = nowMillis;
    }
    return "waiting for Kafka at "
        + servers
        + ": unreachable for "
        + (nowMillis - downSince) / 1000
        + " s ("
        + cause
        + "); no batch is read until it answers";
  }

  /** The line for a check that succeeded, when it ends an outage. */
  Optional<String> reachable(long nowMillis) {
    if (downSince < 0) {
      return Optional.empty();
    }
    long seconds = (nowMillis - downSince) / 1000;
    downSince = -1;
    return Optional.of("Kafka at " + servers + " answers again after " + seconds + " s");
  }
}
