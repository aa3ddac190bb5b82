package io.streampipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaRegistryServerIT {
  private static final String V1 =
      "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"User\\\","
          + "\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}";
  private static final String V2 =
      "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"User\\\","
          + "\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"},"
          + "{\\\"name\\\":\\\"age\\\",\\\"type\\\":[\\\"null\\\",\\\"int\\\"],\\\"default\\\":null}]}";
  private static final String SCHEMA_JSON = "application/vnd.schemaregistry.v1+json";

  private static SchemaRegistryServer registry;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startRegistry() {
    registry = new SchemaRegistryServer().start();
  }

  @AfterAll
  static void stopRegistry() {
    registry.stop();
  }

  @Test
  void registersTwoVersionsAndServesEachByItsId() throws Exception {
    HttpResponse<String> first =
        post("/subjects/users-value/versions", "{\"schema\":\"" + V1 + "\"}");
    HttpResponse<String> second =
        post("/subjects/users-value/versions", "{\"schema\":\"" + V2 + "\"}");

    assertThat(first.statusCode()).isEqualTo(200);
    int v1 = id(first.body());
    int v2 = id(second.body());
    assertThat(v2).isNotEqualTo(v1);
    // The wire format carries a 4-byte id: the registry hands out small positive integers.
    assertThat(v1).isPositive();
    assertThat(get("/schemas/ids/" + v1).body())
        .contains("\\\"name\\\":\\\"id\\\"")
        .doesNotContain("age");
    assertThat(get("/schemas/ids/" + v2).body()).contains("\\\"name\\\":\\\"age\\\"");
  }

  @Test
  void answersAnUnknownIdWithTheConfluentErrorCode() throws Exception {
    HttpResponse<String> unknown = get("/schemas/ids/987654");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("\"error_code\":40403");
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(registry.url() + path))
            .header("Content-Type", SCHEMA_JSON)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(registry.url() + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static int id(String body) {
    assertThat(body).matches("\\{\"id\":\\d+\\}");
    return Integer.parseInt(body.replaceAll("\\D", ""));
  }
}
