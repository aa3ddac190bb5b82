package io.streampipe.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** A single-node Kafka broker in KRaft mode (broker and controller in one), in its own JVM. */
public final class KafkaServer extends ForkedServer {
  private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private volatile int port;

  public KafkaServer() {
    super("kafka", START_TIMEOUT);
  }

  @Override
  public KafkaServer start() {
    startFork();
    return this;
  }

  /** The value for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return FreePorts.HOST + ":" + port();
  }

  public int port() {
    if (port == 0) {
      throw new IllegalStateException("kafka is not started");
    }
    return port;
  }

  @Override
  Process launch(Path dir) throws Exception {
    int[] ports = FreePorts.allocate(2);
    KafkaConfig config = new KafkaConfig(ports[0], ports[1], dir.resolve("data"));
    Path properties =
        Files.writeString(dir.resolve("server.properties"), config.serverProperties());
    Path log4j = Files.writeString(dir.resolve("log4j2.properties"), KafkaConfig.LOG4J2);
    ServerClasspath classpath = ServerClasspath.load("kafka-server");
    String clusterId = Uuid.randomUuid().toString();
    runToCompletion(
        javaCommand(
            toolJvmOptions(log4j),
            classpath,
            "kafka.tools.StorageTool",
            "format",
            "-t",
            clusterId,
            "-c",
            properties.toString()),
        FORMAT_TIMEOUT);
    port = config.port();
    return fork(
        javaCommand(brokerJvmOptions(log4j), classpath, "kafka.Kafka", properties.toString()));
  }

  @Override
  boolean isReady() throws Exception {
    if (!FreePorts.isListening(port)) {
      return false;
    }
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(config)) {
      return !admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty();
    }
  }

  @Override
  public void stop() {
    super.stop();
    port = 0;
  }

  // The format step lives for a second or two: the C1 compiler alone starts it noticeably faster.
  private static List<String> toolJvmOptions(Path log4j) {
    return List.of(
        "-Xmx128m",
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-Dlog4j2.configurationFile=" + log4j.toUri());
  }

  private static List<String> brokerJvmOptions(Path log4j) {
    // The marker lets `pgrep -f streampipe.testkit` find a fork that outlived its test JVM.
    return List.of(
        "-Dstreampipe.testkit=kafka",
        "-Xms128m",
        "-Xmx512m",
        "-XX:+UseG1GC",
        "-XX:MaxGCPauseMillis=20",
        "-XX:+ExitOnOutOfMemoryError",
        "-Djava.awt.headless=true",
        "-Dlog4j2.configurationFile=" + log4j.toUri());
  }
}
