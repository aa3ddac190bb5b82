package io.streampipe.job.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streampipe.api.JobContract;
import io.streampipe.provisioning.registry.RegistryUnavailableException;
import io.streampipe.provisioning.registry.SchemaRegistryClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's basic authentication against a JDK HTTP server that answers only the right login, as
 * a registry with authentication does (Apicurio needs an OIDC server for it, so the testkit's
 * registry runs without).
 */
class SchemaRegistryClientAuthTest {
  private static final String SCHEMA = "{\"type\":\"string\"}";
  private HttpServer server;
  private String url;

  @BeforeEach
  void start() throws IOException {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("reader:p@ss:word".getBytes(StandardCharsets.UTF_8));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/apis/ccompat/v6/schemas/ids/",
        exchange -> {
          if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
          } else if (exchange.getRequestURI().getPath().endsWith("/7")) {
            answer(exchange, 200, "{\"schema\":\"{\\\"type\\\":\\\"string\\\"}\"}");
          } else {
            answer(exchange, 404, "{\"error_code\":40403}");
          }
        });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v6";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void sendsTheLoginFromTheEnvironmentAsBasicAuthentication() {
    RegistryAccess access =
        RegistryAccess.from(
            Map.of(
                JobContract.ENV_REGISTRY_USERNAME, "reader",
                JobContract.ENV_REGISTRY_PASSWORD, "p@ss:word"));
    SchemaRegistryClient client = client(access);

    assertThat(client.schemaById(7)).contains(SCHEMA);
    assertThat(client.schemaById(8)).isEmpty();
    assertThat(access.toString()).doesNotContain("p@ss:word");
  }

  @Test
  void withoutTheLoginTheRegistryIsNotAnsweringNotSayingTheIdIsUnknown() {
    assertThatThrownBy(() -> client(RegistryAccess.from(Map.of())).schemaById(7))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("HTTP 401");
    RegistryAccess wrong =
        RegistryAccess.from(
            Map.of(
                JobContract.ENV_REGISTRY_USERNAME, "reader",
                JobContract.ENV_REGISTRY_PASSWORD, "guess"));
    assertThatThrownBy(() -> client(wrong).schemaById(7))
        .isInstanceOf(RegistryUnavailableException.class);
  }

  @Test
  void theEnvironmentsAddressWinsOverTheDocuments() {
    RegistryAccess access = RegistryAccess.from(Map.of(JobContract.ENV_REGISTRY_URL, url));

    assertThatThrownBy(
            () -> access.client("http://127.0.0.1:1/none", 1, Duration.ZERO).schemaById(7))
        .hasMessageContaining(url)
        .hasMessageContaining("HTTP 401");
  }

  private SchemaRegistryClient client(RegistryAccess access) {
    return access.client(url, 2, Duration.ofMillis(10));
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
