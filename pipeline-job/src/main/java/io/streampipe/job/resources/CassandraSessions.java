package io.streampipe.job.resources;

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

/**
 * One CqlSession per cluster, shared by every task of every batch: a session is expensive
 * (connections, metadata) and thread-safe. Prepared statements are cached beside it. Held by {@link
 * JobResources}, which closes it.
 */
public final class CassandraSessions {
  private static final int DEFAULT_PORT = 9042;
  private final Map<Target, CqlSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, PreparedStatement> prepared = new ConcurrentHashMap<>();

  CassandraSessions() {}

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

  public CqlSession session(JobSettings settings) {
    return sessions.computeIfAbsent(Target.of(settings), CassandraSessions::open);
  }

  public PreparedStatement prepared(JobSettings settings, String cql) {
    Target target = Target.of(settings);
    return prepared.computeIfAbsent(
        target.toString() + '|' + cql, key -> session(settings).prepare(cql));
  }

  /** Closes every session; the next use opens a new one. */
  synchronized void close() {
    prepared.clear();
    sessions.values().forEach(CqlSession::close);
    sessions.clear();
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
