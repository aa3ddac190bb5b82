package io.streampipe.cli.produce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The producer's side of a registry subject: registers a schema under it over the
 * Confluent-compatible API and returns its id, which the registry gives whether the schema is new
 * or already there.
 */
public final class AvroSubject {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private AvroSubject() {}

  /** The id of {@code schema} (Avro JSON) under {@code subject} of the registry at {@code url}. */
  public static int register(String url, String subject, String schema) {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/subjects/" + subject + "/versions"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body(schema), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach the schema registry at " + base + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while registering under " + subject, e);
    }
    JsonNode id = read(response.body()).path("id");
    if (response.statusCode() != 200 || !id.canConvertToInt()) {
      throw new IllegalStateException(
          "the schema registry refused the schema under "
              + subject
              + " (HTTP "
              + response.statusCode()
              + "): "
              + response.body());
    }
    return id.intValue();
  }

  private static String body(String schema) {
    return JSON.createObjectNode().put("schema", schema).toString();
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
