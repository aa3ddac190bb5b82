package io.streampipe.testkit;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.management.Attribute;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** A single Cassandra 5 node in its own JVM, listening for CQL on 127.0.0.1. */
public final class CassandraServer extends ForkedServer {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

  /**
   * How often a default node syncs its commit log (periodic mode, Cassandra's default). Between
   * syncs it marks the log every 100 ms without syncing, and replay stops at the last mark: a kill
   * -9 loses the writes acknowledged since (a machine crash, those since the last sync). {@link
   * CassandraSettings#durable()} nodes sync before they acknowledge instead.
   */
  public static final Duration COMMITLOG_SYNC_PERIOD = Duration.ofSeconds(10);

  private final CassandraSettings settings;
  private volatile int port;
  private volatile int jmxPort;

  public CassandraServer() {
    this(CassandraSettings.DEFAULT);
  }

  public CassandraServer(CassandraSettings settings) {
    super("cassandra", START_TIMEOUT);
    this.settings = settings;
  }

  @Override
  public CassandraServer start() {
    startFork();
    return this;
  }

  public String host() {
    return FreePorts.HOST;
  }

  /** The CQL native port. */
  public int port() {
    if (port == 0) {
      throw new IllegalStateException("cassandra is not started");
    }
    return port;
  }

  /** {@code host:port}, as Spark's and the CLI's contact point settings take it. */
  public String contactPoint() {
    return host() + ":" + port();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(host(), port());
  }

  public String localDatacenter() {
    return CassandraConfig.DATACENTER;
  }

  /** A test's session to this node: schema changes get 30 s, as they need on a busy machine. */
  public CqlSession testSession() {
    return CqlSession.builder()
        .withConfigLoader(
            DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .build())
        .addContactPoint(address())
        .withLocalDatacenter(localDatacenter())
        .build();
  }

  @Override
  Process launch(Path dir) throws Exception {
    int[] ports = FreePorts.allocate(3);
    CassandraConfig config = new CassandraConfig(ports[0], ports[1], settings);
    Files.writeString(dir.resolve("cassandra.yaml"), config.yaml());
    Files.writeString(dir.resolve("logback.xml"), CassandraConfig.LOGBACK);
    ServerClasspath classpath = ServerClasspath.load("cassandra-server");
    port = config.nativePort();
    jmxPort = ports[2];
    List<String> options = new ArrayList<>(CassandraConfig.jvmOptions(dir, classpath.jar("jamm")));
    options.add(CassandraConfig.localJmxOption(jmxPort));
    return fork(javaCommand(options, classpath, "org.apache.cassandra.service.CassandraDaemon"));
  }

  /**
   * Changes the running node's {@code write_request_timeout}, as {@code nodetool settimeout write}
   * does over JMX: unlike the yaml's, this one is not raised to 10 ms. Writes already waiting keep
   * the timeout they started with.
   */
  public void setWriteRequestTimeout(Duration timeout) throws Exception {
    JMXServiceURL url =
        new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + host() + ":" + jmxPort + "/jmxrmi");
    try (JMXConnector jmx = JMXConnectorFactory.connect(url)) {
      jmx.getMBeanServerConnection()
          .setAttribute(
              new ObjectName("org.apache.cassandra.db:type=StorageProxy"),
              new Attribute("WriteRpcTimeout", timeout.toMillis()));
    }
  }

  @Override
  boolean isReady() {
    // The native transport opens last, so a listening port means the node is nearly there.
    if (!FreePorts.isListening(port)) {
      return false;
    }
    DriverConfigLoader probeConfig =
        DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, PROBE_TIMEOUT)
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, PROBE_TIMEOUT)
            // The probe needs neither schema nor token metadata, nor Netty's default 2 s goodbye.
            .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
            .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
            .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
            .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
            .build();
    try (CqlSession session =
        CqlSession.builder()
            .addContactPoint(address())
            .withLocalDatacenter(localDatacenter())
            .withConfigLoader(probeConfig)
            .build()) {
      return session.execute("SELECT release_version FROM system.local").one() != null;
    }
  }

  @Override
  public void stop() {
    super.stop();
    port = 0;
  }
}
