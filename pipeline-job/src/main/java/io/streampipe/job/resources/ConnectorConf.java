package io.streampipe.job.resources;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job's Cassandra connection under the spark-cassandra-connector's setting names, so users
 * configure it as they would the connector: {@code spark.cassandra.connection.host/port/localDC},
 * {@code connection.timeoutMS}, {@code read.timeoutMS}, {@code auth.username} and {@code
 * connection.ssl.*}. A setting present wins over the spec's value; an absent one leaves the job's
 * own. Secrets come from the environment only (the pipeline's Secret): a password in the Spark conf
 * would end up in the SparkApplication and the driver's logs, so it is refused.
 *
 * @param contactPoints {@code host:port} of each node to contact first
 * @param connectTimeout the connector's {@code connection.timeoutMS}: connect and handshake
 * @param requestTimeout the connector's {@code read.timeoutMS}: one request
 */
public record ConnectorConf(
    List<String> contactPoints,
    String localDatacenter,
    Duration connectTimeout,
    Duration requestTimeout,
    String username,
    Optional<Ssl> ssl) {
  static final String PREFIX = "spark.cassandra.";
  static final String ENV_TRUSTSTORE_PASSWORD = "STREAMPIPE_CASSANDRA_TRUSTSTORE_PASSWORD";
  static final String ENV_KEYSTORE_PASSWORD = "STREAMPIPE_CASSANDRA_KEYSTORE_PASSWORD";
  private static final List<String> SECRETS =
      List.of(
          "auth.password",
          "connection.ssl.trustStore.password",
          "connection.ssl.keyStore.password");
  private static final Duration JOB_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration JOB_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** TLS to the nodes; the key store only when the nodes ask for client certificates. */
  public record Ssl(
      String trustStorePath,
      String trustStorePassword,
      String keyStorePath,
      String keyStorePassword) {
    @Override
    public String toString() {
      return "Ssl[trustStore=" + trustStorePath + ", keyStore=" + keyStorePath + "]";
    }
  }

  /**
   * The connection the job's settings ask for, with the connector's settings in {@code conf} (other
   * keys ignored) and secrets from {@code env} applied.
   */
  public static ConnectorConf resolve(
      List<String> contactPoints,
      String localDatacenter,
      String username,
      Map<String, String> conf,
      Map<String, String> env) {
    for (String secret : SECRETS) {
      if (conf.containsKey(PREFIX + secret)) {
        throw new IllegalArgumentException(
            PREFIX + secret + " is not read from the Spark conf: put it in the pipeline's Secret");
      }
    }
    String port = conf.getOrDefault(PREFIX + "connection.port", "9042");
    List<String> points =
        Optional.ofNullable(conf.get(PREFIX + "connection.host"))
            .map(hosts -> withPort(hosts, port))
            .orElse(contactPoints);
    return new ConnectorConf(
        points,
        conf.getOrDefault(PREFIX + "connection.localDC", localDatacenter),
        millis(conf, "connection.timeoutMS", JOB_CONNECT_TIMEOUT),
        millis(conf, "read.timeoutMS", JOB_REQUEST_TIMEOUT),
        username != null ? username : conf.get(PREFIX + "auth.username"),
        ssl(conf, env));
  }

  /** The driver's configuration for this connection; the job's consistency and retry stay. */
  public DriverConfigLoader driverConfig() {
    ProgrammaticDriverConfigLoaderBuilder config =
        DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, requestTimeout)
            .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "LOCAL_QUORUM")
            .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, connectTimeout)
            .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, connectTimeout)
            // The writer retries through an outage for minutes: at the default 60 s ceiling the
            // driver might wait a minute after Cassandra is back before it tries to reconnect.
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(5));
    ssl.ifPresent(
        tls -> {
          config
              .withString(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS, "DefaultSslEngineFactory")
              // The connector does not check host names against certificates either.
              .withBoolean(DefaultDriverOption.SSL_HOSTNAME_VALIDATION, false);
          if (tls.trustStorePath() != null) {
            config.withString(DefaultDriverOption.SSL_TRUSTSTORE_PATH, tls.trustStorePath());
            optional(config, DefaultDriverOption.SSL_TRUSTSTORE_PASSWORD, tls.trustStorePassword());
          }
          if (tls.keyStorePath() != null) {
            config.withString(DefaultDriverOption.SSL_KEYSTORE_PATH, tls.keyStorePath());
            optional(config, DefaultDriverOption.SSL_KEYSTORE_PASSWORD, tls.keyStorePassword());
          }
        });
    return config.build();
  }

  private static Optional<Ssl> ssl(Map<String, String> conf, Map<String, String> env) {
    if (!Boolean.parseBoolean(conf.getOrDefault(PREFIX + "connection.ssl.enabled", "false"))) {
      return Optional.empty();
    }
    // The driver's factory opens stores as JKS, which since JDK 9 also reads PKCS12.
    for (String store : List.of("trustStore", "keyStore")) {
      String type = conf.getOrDefault(PREFIX + "connection.ssl." + store + ".type", "JKS");
      if (!type.equalsIgnoreCase("JKS") && !type.equalsIgnoreCase("PKCS12")) {
        throw new IllegalArgumentException(
            PREFIX + "connection.ssl." + store + ".type " + type + ": only JKS or PKCS12");
      }
    }
    boolean clientAuth =
        Boolean.parseBoolean(
            conf.getOrDefault(PREFIX + "connection.ssl.clientAuth.enabled", "false"));
    String keyStore = conf.get(PREFIX + "connection.ssl.keyStore.path");
    if (clientAuth && keyStore == null) {
      throw new IllegalArgumentException(
          PREFIX + "connection.ssl.clientAuth.enabled needs connection.ssl.keyStore.path");
    }
    return Optional.of(
        new Ssl(
            conf.get(PREFIX + "connection.ssl.trustStore.path"),
            env.get(ENV_TRUSTSTORE_PASSWORD),
            clientAuth ? keyStore : null,
            clientAuth ? env.get(ENV_KEYSTORE_PASSWORD) : null));
  }

  /** The connector's comma list of hosts, each given the port unless it names its own. */
  private static List<String> withPort(String hosts, String port) {
    return Arrays.stream(hosts.split(","))
        .map(String::trim)
        .filter(host -> !host.isEmpty())
        .map(host -> host.contains(":") ? host : host + ":" + port)
        .toList();
  }

  private static Duration millis(Map<String, String> conf, String key, Duration otherwise) {
    String value = conf.get(PREFIX + key);
    return value == null ? otherwise : Duration.ofMillis(Long.parseLong(value.trim()));
  }

  private static void optional(
      ProgrammaticDriverConfigLoaderBuilder config, DefaultDriverOption option, String value) {
    if (value != null) {
      config.withString(option, value);
    }
  }
}
