package io.streampipe.job.write;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.streampipe.job.plan.JobSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One CqlSession per JVM and cluster, shared by every task of every batch: a session is expensive
 * (connections, metadata) and thread-safe. Prepared statements are cached beside it.
 */
public final class CassandraSessions {
  private static final int DEFAULT_PORT = 9042;
  private static final Map<Target, CqlSession> SESSIONS = new ConcurrentHashMap<>();
  private static final Map<String, PreparedStatement> PREPARED = new ConcurrentHashMap<>();
  private static final AtomicInteger USERS = new AtomicInteger();

  private CassandraSessions() {}

  /** The cluster a session talks to, credentials included (never printed). */
  private record Target(List<String> contactPoints, String dc, String user, String password) {
    static Target of(JobSettings settings) {
      return new Target(
          settings.contactPoints(),
          settings.localDatacenter(),
          settings.username(),
          settings.password());
    }

    @Override
    public String toString() {
      return contactPoints + "/" + dc;
    }
  }

  static CqlSession session(JobSettings settings) {
    return SESSIONS.computeIfAbsent(Target.of(settings), CassandraSessions::open);
  }

  static PreparedStatement prepared(JobSettings settings, String cql) {
    Target target = Target.of(settings);
    return PREPARED.computeIfAbsent(
        target.toString() + '|' + cql, key -> session(settings).prepare(cql));
  }

  /** A pipeline in this JVM starts using the sessions. */
  public static void retain() {
    USERS.incrementAndGet();
  }

  /**
   * A pipeline stops; the last one out closes the sessions so a stopped job leaves nothing.
   *
   * @return true when it was the last one
   */
  public static synchronized boolean release() {
    if (USERS.decrementAndGet() > 0) {
      return false;
    }
    PREPARED.clear();
    SESSIONS.values().forEach(CqlSession::close);
    SESSIONS.clear();
    return true;
  }

  private static CqlSession open(Target target) {
    DriverConfigLoader config =
        DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
            .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "LOCAL_QUORUM")
            .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5))
            .build();
    CqlSessionBuilder builder =
        CqlSession.builder().withConfigLoader(config).withLocalDatacenter(target.dc());
    for (String point : target.contactPoints()) {
      builder.addContactPoint(address(point));
    }
    if (target.user() != null) {
      builder.withAuthCredentials(
          target.user(), target.password() == null ? "" : target.password());
    }
    return builder.build();
  }

  static InetSocketAddress address(String contactPoint) {
    int colon = contactPoint.lastIndexOf(':');
    if (colon < 0) {
      return new InetSocketAddress(contactPoint, DEFAULT_PORT);
    }
    return new InetSocketAddress(
        contactPoint.substring(0, colon), Integer.parseInt(contactPoint.substring(colon + 1)));
  }
}
