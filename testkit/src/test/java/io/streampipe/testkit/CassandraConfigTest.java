package io.streampipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CassandraConfigTest {

  @Test
  void yamlBindsLoopbackPortsAndIsItsOwnSeed() {
    String yaml = new CassandraConfig(19042, 17000, CassandraSettings.DEFAULT).yaml();

    assertThat(yaml.lines())
        .contains(
            "listen_address: 127.0.0.1",
            "rpc_address: 127.0.0.1",
            "native_transport_port: 19042",
            "storage_port: 17000",
            "      - seeds: \"127.0.0.1:17000\"",
            "endpoint_snitch: SimpleSnitch",
            "commitlog_sync: periodic",
            "commitlog_sync_period: 10000ms",
            "write_request_timeout: 2000ms",
            "auto_snapshot: false");
    assertThat(yaml).doesNotContain("\t");
  }

  @Test
  void aDurableNodeSyncsItsCommitLogBeforeItAcknowledges() {
    CassandraSettings settings =
        CassandraSettings.DEFAULT.durable().withWriteRequestTimeout(Duration.ofMillis(10));

    assertThat(new CassandraConfig(19042, 17000, settings).yaml().lines())
        .contains(
            "commitlog_sync: group",
            "commitlog_sync_group_window: 10ms",
            "write_request_timeout: 10ms",
            "auto_snapshot: false")
        .doesNotContain("commitlog_sync: periodic");
  }

  @Test
  void jvmOptionsPointAtTheNodeDirectoryAndLoadJamm() {
    Path dir = Path.of("/tmp/c");

    assertThat(CassandraConfig.jvmOptions(dir, Path.of("/m2/jamm-0.4.0.jar")))
        .contains(
            "-javaagent:/m2/jamm-0.4.0.jar",
            "-Dcassandra.config=file:///tmp/c/cassandra.yaml",
            "-Dcassandra.storagedir=/tmp/c/data",
            "-Djdk.attach.allowAttachSelf=true",
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED");
  }
}
