package io.streampipe.job.resources;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.streampipe.job.plan.JobSettings;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

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
  private record Target(ConnectorConf conf, String password) {
    static Target of(JobSettings settings) {
      ConnectorConf conf =
          ConnectorConf.resolve(
              settings.contactPoints(),
              settings.localDatacenter(),
              settings.username(),
              sparkConf(),
              System.getenv());
      return new Target(conf, settings.password());
    }

    @Override
    public String toString() {
      return conf.contactPoints() + "/" + conf.localDatacenter();
    }
  }

  public CqlSession session(JobSettings settings) {
    return sessions.computeIfAbsent(
        Target.of(settings), target -> open(target.conf(), target.password()));
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

  static CqlSession open(ConnectorConf conf, String password) {
    CqlSessionBuilder builder =
        CqlSession.builder()
            .withConfigLoader(conf.driverConfig())
            .withLocalDatacenter(conf.localDatacenter());
    for (String point : conf.contactPoints()) {
      builder.addContactPoint(address(point));
    }
    if (conf.username() != null) {
      builder.withAuthCredentials(conf.username(), password == null ? "" : password);
    }
    return builder.build();
  }

  /**
   * The connector's settings ({@code spark.cassandra.*}) of this JVM's Spark conf: the driver's and
   * every executor's carry the application's, so each task sees what the user submitted.
   */
  private static Map<String, String> sparkConf() {
    SparkEnv env = SparkEnv.get();
    if (env == null) {
      return Map.of();
    }
    Map<String, String> conf = new HashMap<>();
    for (Tuple2<String, String> entry : env.conf().getAllWithPrefix(ConnectorConf.PREFIX)) {
      conf.put(ConnectorConf.PREFIX + entry._1(), entry._2());
    }
    return conf;
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
