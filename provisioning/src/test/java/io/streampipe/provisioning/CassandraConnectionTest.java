package io.streampipe.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraConnectionTest {
  private static final String SECRET = "s3cr3t-Pa55";

  @Test
  void passwordNeverAppearsInToString() {
    CassandraConnection connection =
        CassandraConnection.of(List.of("db1", "db2:9043"), "dc1").withCredentials("app", SECRET);
    assertThat(connection.toString())
        .doesNotContain(SECRET)
        .contains("app", "****", "db1:9042", "db2:9043", "dc1");
  }

  @Test
  void withoutCredentialsSaysSo() {
    CassandraConnection connection = CassandraConnection.of(List.of("db1"), "dc1");
    assertThat(connection.username()).isNull();
    assertThat(connection.toString()).contains("username=<none>", "password=<none>");
    assertThat(connection.requestTimeout()).isEqualTo(CassandraConnection.DEFAULT_REQUEST_TIMEOUT);
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> CassandraConnection.of(List.of(), "dc1"))
        .hasMessageContaining("contact point");
    assertThatThrownBy(() -> CassandraConnection.of(List.of("db1"), " "))
        .hasMessageContaining("datacenter");
    assertThatThrownBy(
            () -> CassandraConnection.of(List.of("db1"), "dc1").withCredentials("u", null))
        .hasMessageContaining("both");
  }

  @Test
  void requestTimeoutIsReplaced() {
    CassandraConnection connection =
        CassandraConnection.of(List.of("db1"), "dc1").withRequestTimeout(Duration.ofSeconds(3));
    assertThat(connection.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
  }
}
