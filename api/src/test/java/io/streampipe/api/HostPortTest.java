package io.streampipe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one parser of server addresses, and the one splitter of comma-separated lists. */
class HostPortTest {

  @Test
  void aHostAloneGetsTheDefaultPort() {
    assertThat(HostPort.require("cassandra.db.svc", HostPort.CQL_PORT))
        .isEqualTo(new HostPort("cassandra.db.svc", 9042));
  }

  @Test
  void anExplicitPortWinsAndBlanksAroundAreIgnored() {
    assertThat(HostPort.require(" 10.0.0.7:19042 ", HostPort.CQL_PORT))
        .isEqualTo(new HostPort("10.0.0.7", 19042));
    assertThat(HostPort.require("localhost:9043", 1).toString()).isEqualTo("localhost:9043");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "host:", ":9042", "a:b:c", "host:0", "host:70000", "x; DROP", "h\u00e9"})
  void malformedAddressesAreRefusedWithTheText(String text) {
    assertThat(HostPort.parse(text, 9042)).isEmpty();
    assertThatThrownBy(() -> HostPort.require(text, 9042))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @Test
  void hostAndPortNeedsThePort() {
    assertThat(HostPort.isHostAndPort("kafka:9092")).isTrue();
    assertThat(HostPort.isHostAndPort("kafka")).isFalse();
    assertThat(HostPort.isHostAndPort("kafka:0")).isFalse();
    assertThat(HostPort.isHostAndPort(null)).isFalse();
  }

  @Test
  void commaSeparatedListsAreSplitAndTrimmed() {
    assertThat(CommaList.split(" a:1, b ,,c:3 ")).containsExactly("a:1", "b", "c:3");
    assertThat(CommaList.split(null)).isEmpty();
    assertThat(CommaList.split(" , ")).isEmpty();
  }
}
