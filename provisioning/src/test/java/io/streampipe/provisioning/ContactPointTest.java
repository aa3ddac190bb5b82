package io.streampipe.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactPointTest {

  @Test
  void hostAloneGetsTheDefaultPort() {
    assertThat(ContactPoint.parse("cassandra.db.svc"))
        .isEqualTo(new ContactPoint("cassandra.db.svc", 9042));
  }

  @Test
  void hostAndPortAreSplit() {
    assertThat(ContactPoint.parse(" 10.0.0.7:19042 "))
        .isEqualTo(new ContactPoint("10.0.0.7", 19042));
    assertThat(ContactPoint.parse("localhost:9043").toString()).isEqualTo("localhost:9043");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "host:", ":9042", "a:b:c", "host:0", "host:70000", "x; DROP", "h\u00e9"})
  void malformedContactPointsAreRefused(String text) {
    assertThatThrownBy(() -> ContactPoint.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commaSeparatedListsAreSplitAndTrimmed() {
    assertThat(CassandraConnection.splitContactPoints(" a:1, b ,,c:3 "))
        .containsExactly("a:1", "b", "c:3");
  }
}
