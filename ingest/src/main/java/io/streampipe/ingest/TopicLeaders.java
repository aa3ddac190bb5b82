package io.streampipe.ingest;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Waits until a new topic's partitions are served by their leaders. An idempotent producer sending
 * at once to a partition its broker has not opened yet can lose its first batch (KAFKA-15591): the
 * batch is refused as not led, a later in-flight one is appended, and the first is then refused as
 * out of order until {@code delivery.timeout.ms}. A leader answering ListOffsets has opened it.
 */
public final class TopicLeaders {
  private TopicLeaders() {}

  /** Asks until every partition's leader answers (the admin client gives up on "unknown"). */
  public static void await(Admin admin, Collection<TopicPartition> partitions, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetSpec> latest =
        partitions.stream()
            .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
