package io.streampipe.job.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads writer schemas by id over the Confluent-compatible API. An unknown id is an answer; an
 * unreachable registry is retried a bounded number of times and then an error, never an answer.
 */
public final class SchemaRegistryClient implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final String url;
  private final String authorization;
  private final int attempts;
  private final Duration backoff;
  private transient HttpClient http;

  /**
   * @param username null for a registry without authentication
   */
  public SchemaRegistryClient(
      String url, String username, String password, int attempts, Duration backoff) {
    this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.authorization =
        username == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.attempts = attempts;
    this.backoff = backoff;
  }

  public String url() {
    return url;
  }

  /** The writer schema's JSON, or empty when the registry has no schema with that id. */
  public Optional<String> schemaById(long id) {
    RegistryUnavailableException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return fetch(id);
      } catch (RegistryUnavailableException e) {
        last = e;
        pause(attempt);
      }
    }
    throw last;
  }

  private Optional<String> fetch(long id) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + "/schemas/ids/" + id)).timeout(TIMEOUT);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response =
          http().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RegistryUnavailableException(url, id, e.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryUnavailableException(url, id, "interrupted", e);
    }
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new RegistryUnavailableException(
          url, id, "HTTP " + response.statusCode() + ": " + response.body(), null);
    }
    try {
      JsonNode schema = JSON.readTree(response.body()).get("schema");
      if (schema == null || !schema.isTextual()) {
        throw new RegistryUnavailableException(url, id, "no schema in " + response.body(), null);
      }
      return Optional.of(schema.asText());
    } catch (IOException e) {
      throw new RegistryUnavailableException(url, id, "unreadable answer: " + e, e);
    }
  }

  private void pause(int attempt) {
    if (attempt == attempts) {
      return;
    }
    try {
      Thread.sleep(backoff.toMillis() * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }
    return http;
  }
}
