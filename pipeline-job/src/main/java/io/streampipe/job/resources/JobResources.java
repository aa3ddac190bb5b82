package io.streampipe.job.resources;

/**
 * The job's shared resources on this JVM: its Cassandra sessions and dead-letter producers. Spark
 * hands a task no per-job object to hang them on, and both are expensive and thread-safe, so one
 * holder per JVM keeps them for every task of every batch ({@link #shared()}). Each pipeline
 * started in the JVM retains it; the last one to release it closes the sessions, then the
 * producers, so a stopped job (or the CLI after its pipelines) leaves nothing open. An executor on
 * a cluster starts no pipeline: its resources live as long as its JVM.
 */
public final class JobResources {
  private static final JobResources SHARED = new JobResources();

  private final CassandraSessions cassandra = new CassandraSessions();
  private final DeadLetterProducers deadLetters = new DeadLetterProducers();
  private int users;

  private JobResources() {}

  public static JobResources shared() {
    return SHARED;
  }

  public CassandraSessions cassandra() {
    return cassandra;
  }

  public DeadLetterProducers deadLetters() {
    return deadLetters;
  }

  /** A pipeline in this JVM starts using the resources. */
  public synchronized void retain() {
    users++;
  }

  /**
   * A pipeline stops; the last one out closes everything.
   *
   * @return true when it was the last one
   */
  public synchronized boolean release() {
    if (--users > 0) {
      return false;
    }
    cassandra.close();
    deadLetters.close();
    return true;
  }
}
