package io.streampipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CassandraConfigTest {

  @Test
  void yamlBindsLoopbackPortsAndIsItsOwnSeed() {
    String yaml = new CassandraConfig(19042, 17000).yaml();

    assertThat(yaml.lines())
        .contains(
            "listen_address: 127.0.0.1",
            "rpc_address: 127.0.0.1",
            "native_transport_port: 19042",
            "storage_port: 17000",
            "      - seeds: \"127.0.0.1:17000\"",
            "endpoint_snitch: SimpleSnitch",
            "commitlog_sync: periodic",
            "auto_snapshot: false");
    assertThat(yaml).doesNotContain("\t");
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
