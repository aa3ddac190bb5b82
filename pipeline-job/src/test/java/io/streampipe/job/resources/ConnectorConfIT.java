package io.streampipe.job.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import io.streampipe.testkit.CassandraServer;
import io.streampipe.testkit.LocalStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job's session opened from the connector's settings against the real testkit Cassandra. */
class ConnectorConfIT {
  private static final List<String> NOWHERE = List.of("nowhere.invalid:1");

  @Test
  void theSessionConnectsWhereTheConnectorsSettingsPointWithTheirTimeouts() {
    CassandraServer cassandra = LocalStack.shared().cassandra();
    ConnectorConf conf =
        ConnectorConf.resolve(
            NOWHERE,
            "no-such-dc",
            null,
            settings(cassandra, cassandra.localDatacenter()),
            Map.of());

    try (CqlSession session = CassandraSessions.open(conf, null)) {
      String dc = session.execute("SELECT data_center FROM system.local").one().getString(0);
      assertThat(dc).isEqualTo(cassandra.localDatacenter());
      DriverExecutionProfile profile = session.getContext().getConfig().getDefaultProfile();
      assertThat(profile.getDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT))
          .isEqualTo(Duration.ofMillis(4_000));
      assertThat(profile.getDuration(DefaultDriverOption.REQUEST_TIMEOUT))
          .isEqualTo(Duration.ofMillis(15_000));
    }
  }

  @Test
  void theConnectorsLocalDcIsTheOneTheDriverRoutesTo() {
    CassandraServer cassandra = LocalStack.shared().cassandra();
    ConnectorConf conf =
        ConnectorConf.resolve(
            NOWHERE, cassandra.localDatacenter(), null, settings(cassandra, "elsewhere"), Map.of());

    // The node is reachable but not in the named data center, so no request may go to it.
    try (CqlSession session = CassandraSessions.open(conf, null)) {
      assertThatThrownBy(() -> session.execute("SELECT data_center FROM system.local"))
          .isInstanceOf(NoNodeAvailableException.class);
    }
  }

  private static Map<String, String> settings(CassandraServer cassandra, String dc) {
    return Map.of(
        "spark.cassandra.connection.host",
        cassandra.host(),
        "spark.cassandra.connection.port",
        Integer.toString(cassandra.port()),
        "spark.cassandra.connection.localDC",
        dc,
        "spark.cassandra.connection.timeoutMS",
        "4000",
        "spark.cassandra.read.timeoutMS",
        "15000");
  }
}
