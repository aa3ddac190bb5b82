package io.streampipe.provisioning;

import com.datastax.oss.driver.api.core.CqlSession;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A bounded wait for every node to report the same schema version. DDL sent before agreement may
 * reach a node that has not seen the previous statement, e.g. a table in a keyspace it lacks.
 */
final class SchemaAgreement {
  private static final long POLL_MILLIS = 200;

  private final CqlSession session;
  private final Duration wait;

  SchemaAgreement(CqlSession session, Duration wait) {
    this.session = session;
    this.wait = wait;
  }

  /** True once the nodes agree, false when the wait ran out first. */
  boolean await() {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      if (session.checkSchemaAgreement()) {
        return true;
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      sleep();
    }
  }

  private static void sleep() {
    try {
      TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for schema agreement", e);
    }
  }
}
