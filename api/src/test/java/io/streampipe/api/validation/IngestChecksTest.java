package io.streampipe.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.Examples;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.v1alpha1.CursorSpec;
import io.streampipe.api.v1alpha1.HeaderSpec;
import io.streampipe.api.v1alpha1.IngestSpec;
import io.streampipe.api.v1alpha1.SecretKeyRef;
import io.streampipe.api.v1alpha1.SseIngestSpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.v1alpha1.WebSocketIngestSpec;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IngestChecksTest {

  static StreamingPipelineSpec fromApi() {
    return PipelineDocuments.read(Examples.projectDir().resolve("examples/users-from-api.yaml"))
        .spec();
  }

  @Test
  void bothIngestExamplesAreValid() {
    assertThat(PipelineValidator.validate(fromApi())).isEmpty();
    assertThat(
            PipelineValidator.validate(
                PipelineDocuments.read(
                        Examples.projectDir().resolve("examples/trades-websocket.yaml"))
                    .spec()))
        .isEmpty();
  }

  @Test
  void defaultsFillEveryIngestSetting() {
    StreamingPipelineSpec spec = fromApi();
    spec.getIngest().getHttp().setInterval(null);
    spec.getIngest().getHttp().setMethod(null);
    spec.getIngest().setRetry(null);
    spec.getIngest().setMaxRecordBytes(null);

    IngestSpec ingest = PipelineDefaults.apply(spec).getIngest();

    assertThat(ingest.getHttp().getInterval()).isEqualTo("10s");
    assertThat(ingest.getHttp().getMethod()).isEqualTo("GET");
    assertThat(ingest.getRetry().getInitialBackoff()).isEqualTo("1s");
    assertThat(ingest.getRetry().getMaxBackoff()).isEqualTo("1m");
    assertThat(ingest.getMaxRecordBytes()).isEqualTo(1_048_576);
    assertThat(spec.getIngest().getRetry()).as("the argument is untouched").isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void reportsTheProblemAtItsPath(String why, Consumer<IngestSpec> breakIt, Problem expected) {
    StreamingPipelineSpec spec = fromApi();
    breakIt.accept(spec.getIngest());

    assertThat(PipelineValidator.validate(spec)).containsExactly(expected);
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        of(
            "two kinds",
            i -> i.setSse(sse("http://feed/events")),
            "spec.ingest",
            "give exactly one of http, sse or websocket"),
        of(
            "ftp URL",
            i -> i.getHttp().setUrl("ftp://example.com/users"),
            "spec.ingest.http.url",
            "must be an absolute http or https URL"),
        of(
            "ws URL for SSE",
            i -> {
              i.setHttp(null);
              i.setSse(sse("ws://feed/events"));
            },
            "spec.ingest.sse.url",
            "must be an absolute http or https URL"),
        of(
            "http URL for a WebSocket",
            i -> {
              i.setHttp(null);
              WebSocketIngestSpec ws = new WebSocketIngestSpec();
              ws.setUrl("https://feed/trades");
              i.setWebsocket(ws);
            },
            "spec.ingest.websocket.url",
            "must be an absolute ws or wss URL"),
        of(
            "interval",
            i -> i.getHttp().setInterval("soon"),
            "spec.ingest.http.interval",
            "must be a positive duration like 10s or 500ms"),
        of(
            "zero interval",
            i -> i.getHttp().setInterval("0"),
            "spec.ingest.http.interval",
            "must be a positive duration like 10s or 500ms"),
        of(
            "pointer without a slash",
            i -> i.setRecordsPath("results"),
            "spec.ingest.recordsPath",
            "must be a JSON Pointer like /results (or empty)"),
        of(
            "bad escape in a pointer",
            i -> i.setRecordsPath("/a~2b"),
            "spec.ingest.recordsPath",
            "must be a JSON Pointer like /results (or empty)"),
        of(
            "header with both",
            i -> i.getHttp().getHeaders().get(0).setValueFrom(new SecretKeyRef("api", "token")),
            "spec.ingest.http.headers[0]",
            "give value or valueFrom, exactly one"),
        of(
            "secret name",
            i -> i.getHttp().setHeaders(List.of(secretHeader("Bad_Name"))),
            "spec.ingest.http.headers[0].valueFrom.name",
            "must be the name of a Secret"),
        of(
            "cursor with both",
            i -> i.getHttp().setCursor(cursor("/next", "/id", "since")),
            "spec.ingest.http.cursor",
            "give nextPath or valuePath, exactly one"),
        of(
            "valuePath without param",
            i -> i.getHttp().setCursor(cursor(null, "/id", null)),
            "spec.ingest.http.cursor.param",
            "is required with valuePath"),
        of(
            "body with GET",
            i -> i.getHttp().setBody("{}"),
            "spec.ingest.http.body",
            "is only sent with method POST"),
        of(
            "backoff order",
            i -> i.getRetry().setMaxBackoff("500ms"),
            "spec.ingest.retry.maxBackoff",
            "must not be shorter than initialBackoff"),
        of(
            "rate",
            i -> i.setRateLimit(-1.0),
            "spec.ingest.rateLimit",
            "must be a positive number of records per second"));
  }

  @Test
  void aHeaderValueNeverAppearsInAProblem() {
    StreamingPipelineSpec spec = fromApi();
    HeaderSpec header = new HeaderSpec();
    header.setName("Authorization");
    header.setValue("Bearer s3cr3t");
    header.setValueFrom(new SecretKeyRef("api", "token"));
    spec.getIngest().getHttp().setHeaders(List.of(header));

    assertThat(PipelineValidator.validate(spec).toString()).doesNotContain("s3cr3t").isNotEmpty();
  }

  private static SseIngestSpec sse(String url) {
    SseIngestSpec sse = new SseIngestSpec();
    sse.setUrl(url);
    return sse;
  }

  private static HeaderSpec secretHeader(String secret) {
    HeaderSpec header = new HeaderSpec();
    header.setName("Authorization");
    header.setValueFrom(new SecretKeyRef(secret, "token"));
    return header;
  }

  private static CursorSpec cursor(String next, String value, String param) {
    CursorSpec cursor = new CursorSpec();
    cursor.setNextPath(next);
    cursor.setValuePath(value);
    cursor.setParam(param);
    return cursor;
  }

  private static Arguments of(
      String why, Consumer<IngestSpec> breakIt, String path, String message) {
    return Arguments.of(why, breakIt, new Problem(path, message));
  }
}
