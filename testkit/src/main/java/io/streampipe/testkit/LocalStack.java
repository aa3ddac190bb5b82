package io.streampipe.testkit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A Kafka broker and a Cassandra node started side by side; {@link #shared()} keeps one per JVM.
 */
public final class LocalStack implements AutoCloseable {
  private static LocalStack shared;
  private static RuntimeException sharedFailure;

  private final KafkaServer kafka;
  private final CassandraServer cassandra;
  private final boolean isShared;

  private LocalStack(KafkaServer kafka, CassandraServer cassandra, boolean isShared) {
    this.kafka = kafka;
    this.cassandra = cassandra;
    this.isShared = isShared;
  }

  /** Starts both servers in parallel; the caller closes the stack. */
  public static LocalStack start() {
    return startBoth(false);
  }

  /**
   * The stack of this JVM, started on first use and stopped by the servers' shutdown hooks, so that
   * every integration test of a module shares one pair. Closing it does nothing.
   */
  public static synchronized LocalStack shared() {
    if (sharedFailure != null) {
      // Fail the rest of the suite at once instead of paying a doomed start per test class.
      throw new IllegalStateException("the shared stack failed to start", sharedFailure);
    }
    if (shared == null) {
      try {
        shared = startBoth(true);
      } catch (RuntimeException e) {
        sharedFailure = e;
        throw e;
      }
    }
    return shared;
  }

  public KafkaServer kafka() {
    return kafka;
  }

  public CassandraServer cassandra() {
    return cassandra;
  }

  @Override
  public void close() {
    if (!isShared) {
      kafka.stop();
      cassandra.stop();
    }
  }

  private static LocalStack startBoth(boolean isShared) {
    KafkaServer kafka = new KafkaServer();
    CassandraServer cassandra =
        new CassandraServer(
            isShared ? CassandraSettings.forSharedStack() : CassandraSettings.DEFAULT);
    CompletableFuture<CassandraServer> cassandraStart =
        CompletableFuture.supplyAsync(
            cassandra::start, task -> new Thread(task, "start-cassandra").start());
    try {
      kafka.start();
    } catch (RuntimeException kafkaFailure) {
      // Let Cassandra finish starting (or failing) first, so stop() cannot race its launch.
      Throwable cassandraFailure = cassandraStart.handle((started, error) -> error).join();
      if (cassandraFailure != null) {
        kafkaFailure.addSuppressed(unwrap(cassandraFailure));
      }
      cassandra.stop();
      throw kafkaFailure;
    }
    try {
      cassandraStart.join();
    } catch (CompletionException cassandraFailure) {
      kafka.stop();
      throw unwrap(cassandraFailure);
    }
    return new LocalStack(kafka, cassandra, isShared);
  }

  private static RuntimeException unwrap(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
  }
}
