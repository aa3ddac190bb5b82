package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Getter;
import lombok.Setter;

/** Where the input topic's records come from when they start at an API: one source kind. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "(has(self.http) ? 1 : 0) + (has(self.sse) ? 1 : 0) + (has(self.websocket) ? 1 : 0) == 1",
    message = "give exactly one of http, sse or websocket")
@Getter
@Setter
public class IngestSpec {

  @JsonPropertyDescription("Poll a REST endpoint on a schedule.")
  private HttpIngestSpec http;

  @JsonPropertyDescription("Read a Server-Sent Events stream, resuming with Last-Event-ID.")
  private SseIngestSpec sse;

  @JsonPropertyDescription("Read a WebSocket, sending a subscribe message after each connect.")
  private WebSocketIngestSpec websocket;

  @JsonPropertyDescription(
      "A JSON Pointer (RFC 6901) to the array of records in each response body, event or message,"
          + " e.g. /results; each element becomes one Kafka record. Empty (default): the whole"
          + " body is one record.")
  private String recordsPath;

  @JsonPropertyDescription(
      "The field whose value becomes the Kafka message key, for partitioning: a top-level field"
          + " name or a JSON Pointer. A record without it is dead-lettered"
          + " (ingest_missing_key). Unset: records have no key.")
  private String keyField;

  @JsonPropertyDescription(
      "Records per second sent to the topic at most (a token bucket with one second of burst)."
          + " Unset: no limit.")
  @Min(0.001)
  private Double rateLimit;

  @JsonPropertyDescription(
      "Largest record in bytes (default 1048576); a bigger one is dead-lettered"
          + " (ingest_too_large).")
  @Min(1)
  @Max(16777216)
  private Integer maxRecordBytes;

  @JsonPropertyDescription(
      "Retry after a failed request or a dropped connection: exponential back-off with jitter;"
          + " Retry-After on 429 and 503 is honoured.")
  private RetrySpec retry;
}
