package io.streampipe.provisioning.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The calls streampipe makes to a schema registry's Confluent-compatible API: the job reads writer
 * schemas by id, provisioning registers the pipeline's schema. A 404 is an answer (no such id or
 * subject); anything else that is not a success is retried a bounded number of times and then a
 * {@link RegistryUnavailableException}, never an answer.
 */
public final class SchemaRegistryClient implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

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

  /**
   * @param login null for a registry without authentication
   */
  public static SchemaRegistryClient of(
      String url, RegistryLogin login, int attempts, Duration backoff) {
    return login == null
        ? new SchemaRegistryClient(url, null, null, attempts, backoff)
        : new SchemaRegistryClient(url, login.username(), login.password(), attempts, backoff);
  }

  public String url() {
    return url;
  }

  /** The writer schema's JSON, or empty when the registry has no schema with that id. */
  public Optional<String> schemaById(long id) {
    return get("/schemas/ids/" + id, "schema id " + id).map(answer -> text(answer, "schema"));
  }

  /** The subject's latest version, or empty when the subject has none. */
  public Optional<RegisteredSchema> latest(String subject) {
    return get(subjectPath(subject) + "/versions/latest", "subject " + subject)
        .map(
            answer ->
                new RegisteredSchema(
                    subject,
                    answer.path("id").asInt(),
                    answer.path("version").asInt(),
                    text(answer, "schema")));
  }

  /**
   * Whether the registry would accept {@code schema} as the subject's next version under the
   * subject's compatibility level. The subject must have a version.
   */
  public Compatibility compatibility(String subject, String schema) {
    JsonNode answer =
        send(
                "POST",
                "/compatibility" + subjectPath(subject) + "/versions/latest?verbose=true",
                schemaBody(schema),
                "compatibility of subject " + subject)
            .orElseThrow(() -> unavailable("subject " + subject, "it has no version", null));
    return Compatibility.of(answer);
  }

  /** Registers {@code schema} under the subject; returns its id (the known one if registered). */
  public int register(String subject, String schema) {
    return send(
            "POST",
            subjectPath(subject) + "/versions",
            schemaBody(schema),
            "registering under " + subject)
        .orElseThrow(() -> unavailable("subject " + subject, "register answered 404", null))
        .path("id")
        .asInt();
  }

  /** Sets the subject's compatibility level, e.g. BACKWARD. */
  public void setCompatibility(String subject, String level) {
    send(
            "PUT",
            "/config/" + encoded(subject),
            JSON.createObjectNode().put("compatibility", level).toString(),
            "compatibility level of " + subject)
        .orElseThrow(() -> unavailable("subject " + subject, "no such subject to configure", null));
  }

  private Optional<JsonNode> get(String path, String what) {
    return send("GET", path, null, what);
  }

  private Optional<JsonNode> send(String method, String path, String body, String what) {
    RegistryUnavailableException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return once(method, path, body, what);
      } catch (RegistryUnavailableException e) {
        last = e;
        pause(attempt);
      }
    }
    throw last;
  }

  private Optional<JsonNode> once(String method, String path, String body, String what) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path))
            .timeout(TIMEOUT)
            .header("Accept", CONTENT_TYPE)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", CONTENT_TYPE);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response =
          http().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw unavailable(what, e.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(what, "interrupted", e);
    }
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw unavailable(what, "HTTP " + response.statusCode() + ": " + response.body(), null);
    }
    try {
      return Optional.of(JSON.readTree(response.body()));
    } catch (IOException e) {
      throw unavailable(what, "unreadable answer: " + e, e);
    }
  }

  private String text(JsonNode answer, String field) {
    JsonNode value = answer.get(field);
    if (value == null || !value.isTextual()) {
      throw unavailable("a " + field, "no " + field + " in " + answer, null);
    }
    return value.asText();
  }

  private RegistryUnavailableException unavailable(String what, String why, Throwable cause) {
    return new RegistryUnavailableException(
        "schema registry " + url + " did not answer for " + what + ": " + why, cause);
  }

  private static String subjectPath(String subject) {
    return "/subjects/" + encoded(subject);
  }

  private static String encoded(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8);
  }

  private static String schemaBody(String schema) {
    return JSON.createObjectNode().put("schema", schema).toString();
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
