package io.streampipe.provisioning;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens driver sessions configured in code, so no application.conf on the classpath matters. */
public final class CassandraSessions {
  /** How long the driver itself waits for schema agreement after each DDL statement. */
  public static final Duration DRIVER_AGREEMENT_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(CassandraSessions.class);

  private CassandraSessions() {}

  /** A connected session; the caller closes it. */
  public static CqlSession open(CassandraConnection connection) {
    LOG.info("connecting to Cassandra: {}", connection);
    CqlSessionBuilder builder =
        CqlSession.builder()
            .withConfigLoader(config(connection))
            .withLocalDatacenter(connection.localDatacenter())
            .withApplicationName("streampipe");
    connection.contactPoints().forEach(point -> builder.addContactPoint(point.address()));
    if (connection.username() != null) {
      builder.withAuthCredentials(connection.username(), connection.password());
    }
    return builder.build();
  }

  static DriverConfigLoader config(CassandraConnection connection) {
    Duration timeout = connection.requestTimeout();
    return DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, timeout)
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, timeout)
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, timeout)
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, timeout)
        // Schema metadata lets the driver track DDL and report agreement after each statement.
        .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, true)
        .withDuration(
            DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, DRIVER_AGREEMENT_TIMEOUT)
        .build();
  }
}
