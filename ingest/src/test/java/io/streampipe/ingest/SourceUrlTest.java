package io.streampipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SourceUrlTest {

  @Test
  void queryUserinfoAndFragmentNeverReachTheDeadLetter() {
    assertThat(
            SourceUrl.redacted(
                URI.create(
                    "https://bob:s3cret@api.example.com:8443/v1/users?api_key=k3y&page=2#x")))
        .isEqualTo("https://api.example.com:8443/v1/users");
    assertThat(SourceUrl.redacted(URI.create("wss://stream.example.com/trades?token=t0k")))
        .isEqualTo("wss://stream.example.com/trades");
    assertThat(SourceUrl.redacted(URI.create("http://127.0.0.1:8089/api/")))
        .isEqualTo("http://127.0.0.1:8089/api/");
  }
}
