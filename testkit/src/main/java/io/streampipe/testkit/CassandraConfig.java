package io.streampipe.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The configuration of a single Cassandra 5 node tuned to start fast and stay small. */
record CassandraConfig(int nativePort, int storagePort, CassandraSettings settings) {

  /** What {@code SimpleSnitch} calls the only datacenter. */
  static final String DATACENTER = "datacenter1";

  // Cassandra's own conf/jvm17-server.options: it reaches into JDK internals and fails without
  // them.
  private static final List<String> JPMS_OPTIONS =
      List.of(
          "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
          "--add-exports=java.sql/java.sql=ALL-UNNAMED",
          "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
          "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.module=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
          "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED");

  static final String LOGBACK =
      """
      <configuration>
        <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
          <encoder><pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern></encoder>
        </appender>
        <root level="INFO"><appender-ref ref="STDOUT"/></root>
      </configuration>
      """;

  String yaml() {
    return """
        cluster_name: streampipe-testkit
        partitioner: org.apache.cassandra.dht.Murmur3Partitioner
        num_tokens: 1
        listen_address: %1$s
        rpc_address: %1$s
        storage_port: %3$d
        native_transport_port: %2$d
        seed_provider:
          - class_name: org.apache.cassandra.locator.SimpleSeedProvider
            parameters:
              - seeds: "%1$s:%3$d"
        endpoint_snitch: SimpleSnitch
        dynamic_snitch: false
        %4$s
        auto_snapshot: false
        hinted_handoff_enabled: false
        key_cache_size: 8MiB
        counter_cache_size: 0MiB
        file_cache_size: 64MiB
        concurrent_reads: 4
        concurrent_writes: 8
        concurrent_counter_writes: 4
        concurrent_materialized_view_writes: 2
        concurrent_compactors: 1
        """
        .formatted(FreePorts.HOST, nativePort, storagePort, settings.yaml());
  }

  /** JMX on the loopback only, as nodetool reaches it: tests change settings at run time. */
  static String localJmxOption(int port) {
    return "-Dcassandra.jmx.local.port=" + port;
  }

  static List<String> jvmOptions(Path directory, Path jammJar) {
    List<String> options = new ArrayList<>();
    // The marker lets `pgrep -f streampipe.testkit` find a fork that outlived its test JVM.
    options.add("-Dstreampipe.testkit=cassandra");
    options.addAll(List.of("-Xms256m", "-Xmx768m", "-Xss256k", "-XX:+UseG1GC"));
    options.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-Djava.net.preferIPv4Stack=true"));
    options.addAll(JPMS_OPTIONS);
    options.add("-Djdk.attach.allowAttachSelf=true");
    options.add("-javaagent:" + jammJar);
    options.add("-Dio.netty.tryReflectionSetAccessible=true");
    options.add("-Dcassandra.config=" + directory.resolve("cassandra.yaml").toUri());
    options.add("-Dcassandra.storagedir=" + directory.resolve("data"));
    options.add("-Dcassandra.logdir=" + directory);
    options.add("-Dlogback.configurationFile=" + directory.resolve("logback.xml"));
    // Without it CassandraDaemon closes stdout, and with it the log file.
    options.add("-Dcassandra-foreground=yes");
    // A lone seed has no one to gossip with; the default waits several seconds for nothing.
    options.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
    return options;
  }
}
