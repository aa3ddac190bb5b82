package io.streampipe.job.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorConfTest {
  private static final List<String> SPEC_POINTS = List.of("cassandra.data:9042");

  @Test
  void withoutConnectorSettingsTheSpecAndTheJobsOwnTimeoutsStand() {
    ConnectorConf conf = ConnectorConf.resolve(SPEC_POINTS, "dc1", null, Map.of(), Map.of());

    assertThat(conf.contactPoints()).isEqualTo(SPEC_POINTS);
    assertThat(conf.localDatacenter()).isEqualTo("dc1");
    assertThat(conf.ssl()).isEmpty();
    DriverExecutionProfile profile = profile(conf);
    assertThat(profile.getDuration(DefaultDriverOption.REQUEST_TIMEOUT))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(profile.getDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT))
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(profile.getString(DefaultDriverOption.REQUEST_CONSISTENCY))
        .isEqualTo("LOCAL_QUORUM");
    assertThat(profile.isDefined(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS)).isFalse();
  }

  @Test
  void theConnectorsHostPortDcAndTimeoutsWinOverTheSpec() {
    ConnectorConf conf =
        ConnectorConf.resolve(
            SPEC_POINTS,
            "dc1",
            null,
            Map.of(
                "spark.cassandra.connection.host", "a.example, b.example:9142",
                "spark.cassandra.connection.port", "9043",
                "spark.cassandra.connection.localDC", "eu-west",
                "spark.cassandra.connection.timeoutMS", "7000",
                "spark.cassandra.read.timeoutMS", "120000",
                "spark.cassandra.output.batch.size.rows", "10"),
            Map.of());

    assertThat(conf.contactPoints()).containsExactly("a.example:9043", "b.example:9142");
    assertThat(conf.localDatacenter()).isEqualTo("eu-west");
    DriverExecutionProfile profile = profile(conf);
    assertThat(profile.getDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(profile.getDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(profile.getDuration(DefaultDriverOption.REQUEST_TIMEOUT))
        .isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aPortAloneAppliesToTheSpecsHostsOnlyThroughTheConnectorsHostList() {
    ConnectorConf conf =
        ConnectorConf.resolve(
            SPEC_POINTS, "dc1", null, Map.of("spark.cassandra.connection.port", "9043"), Map.of());

    assertThat(conf.contactPoints()).isEqualTo(SPEC_POINTS);
  }

  @Test
  void theUsernameComesFromTheSecretFirstThenTheConf() {
    Map<String, String> conf = Map.of("spark.cassandra.auth.username", "reader");

    assertThat(ConnectorConf.resolve(SPEC_POINTS, "dc1", "writer", conf, Map.of()).username())
        .isEqualTo("writer");
    assertThat(ConnectorConf.resolve(SPEC_POINTS, "dc1", null, conf, Map.of()).username())
        .isEqualTo("reader");
  }

  @Test
  void passwordsInTheSparkConfAreRefusedAndNeverEchoed() {
    for (String key :
        List.of(
            "spark.cassandra.auth.password",
            "spark.cassandra.connection.ssl.trustStore.password",
            "spark.cassandra.connection.ssl.keyStore.password")) {
      assertThatThrownBy(
              () ->
                  ConnectorConf.resolve(SPEC_POINTS, "dc1", null, Map.of(key, "s3cret"), Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(key)
          .hasMessageContaining("Secret")
          .hasMessageNotContaining("s3cret");
    }
  }

  @Test
  void sslMapsStoresOntoTheDriversFactoryWithPasswordsFromTheEnvironment() {
    ConnectorConf conf =
        ConnectorConf.resolve(
            SPEC_POINTS,
            "dc1",
            null,
            Map.of(
                "spark.cassandra.connection.ssl.enabled", "true",
                "spark.cassandra.connection.ssl.trustStore.path", "/etc/tls/trust.jks",
                "spark.cassandra.connection.ssl.trustStore.type", "JKS",
                "spark.cassandra.connection.ssl.clientAuth.enabled", "true",
                "spark.cassandra.connection.ssl.keyStore.path", "/etc/tls/key.p12",
                "spark.cassandra.connection.ssl.keyStore.type", "PKCS12"),
            Map.of(
                ConnectorConf.ENV_TRUSTSTORE_PASSWORD, "trust-pw",
                ConnectorConf.ENV_KEYSTORE_PASSWORD, "key-pw"));

    DriverExecutionProfile profile = profile(conf);
    assertThat(profile.getString(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS))
        .isEqualTo("DefaultSslEngineFactory");
    assertThat(profile.getString(DefaultDriverOption.SSL_TRUSTSTORE_PATH))
        .isEqualTo("/etc/tls/trust.jks");
    assertThat(profile.getString(DefaultDriverOption.SSL_TRUSTSTORE_PASSWORD))
        .isEqualTo("trust-pw");
    assertThat(profile.getString(DefaultDriverOption.SSL_KEYSTORE_PATH))
        .isEqualTo("/etc/tls/key.p12");
    assertThat(profile.getString(DefaultDriverOption.SSL_KEYSTORE_PASSWORD)).isEqualTo("key-pw");
    assertThat(profile.getBoolean(DefaultDriverOption.SSL_HOSTNAME_VALIDATION)).isFalse();
    assertThat(conf.toString()).doesNotContain("trust-pw").doesNotContain("key-pw");
  }

  @Test
  void aKeyStoreIsUsedOnlyWithClientAuthAndClientAuthNeedsOne() {
    ConnectorConf oneWay =
        ConnectorConf.resolve(
            SPEC_POINTS,
            "dc1",
            null,
            Map.of(
                "spark.cassandra.connection.ssl.enabled", "true",
                "spark.cassandra.connection.ssl.keyStore.path", "/etc/tls/key.jks"),
            Map.of());
    assertThat(profile(oneWay).isDefined(DefaultDriverOption.SSL_KEYSTORE_PATH)).isFalse();
    assertThat(profile(oneWay).isDefined(DefaultDriverOption.SSL_TRUSTSTORE_PATH)).isFalse();

    assertThatThrownBy(
            () ->
                ConnectorConf.resolve(
                    SPEC_POINTS,
                    "dc1",
                    null,
                    Map.of(
                        "spark.cassandra.connection.ssl.enabled", "true",
                        "spark.cassandra.connection.ssl.clientAuth.enabled", "true"),
                    Map.of()))
        .hasMessageContaining("keyStore.path");
    assertThatThrownBy(
            () ->
                ConnectorConf.resolve(
                    SPEC_POINTS,
                    "dc1",
                    null,
                    Map.of(
                        "spark.cassandra.connection.ssl.enabled", "true",
                        "spark.cassandra.connection.ssl.trustStore.type", "JCEKS"),
                    Map.of()))
        .hasMessageContaining("JKS or PKCS12");
  }

  private static DriverExecutionProfile profile(ConnectorConf conf) {
    return conf.driverConfig().getInitialConfig().getDefaultProfile();
  }
}
