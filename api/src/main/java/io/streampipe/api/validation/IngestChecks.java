package io.streampipe.api.validation;

import com.fasterxml.jackson.core.JsonPointer;
import io.streampipe.api.Durations;
import io.streampipe.api.KubernetesNames;
import io.streampipe.api.v1alpha1.CursorSpec;
import io.streampipe.api.v1alpha1.HeaderSpec;
import io.streampipe.api.v1alpha1.HttpIngestSpec;
import io.streampipe.api.v1alpha1.IngestSpec;
import io.streampipe.api.v1alpha1.RetrySpec;
import io.streampipe.api.v1alpha1.SseIngestSpec;
import io.streampipe.api.v1alpha1.WebSocketIngestSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Checks of the API source: one kind, URLs, durations, JSON Pointers and headers. */
final class IngestChecks {
  private static final Set<String> HTTP_SCHEMES = Set.of("http", "https");
  private static final Set<String> WS_SCHEMES = Set.of("ws", "wss");
  private static final Pattern HEADER_NAME = Pattern.compile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$");
  private static final Pattern SECRET_KEY = Pattern.compile("^[-._a-zA-Z0-9]{1,253}$");
  private static final int MAX_RECORD_BYTES = 16 << 20;
  private static final String POINTER = "must be a JSON Pointer like /results (or empty)";

  private IngestChecks() {}

  static void check(IngestSpec ingest, Problems problems) {
    if (ingest == null) {
      return;
    }
    String path = "spec.ingest";
    long kinds =
        Stream.of(ingest.getHttp(), ingest.getSse(), ingest.getWebsocket())
            .filter(k -> k != null)
            .count();
    if (kinds != 1) {
      problems.add(path, "give exactly one of http, sse or websocket");
    }
    pointer(ingest.getRecordsPath(), path + ".recordsPath", problems);
    if (ingest.getKeyField() != null && ingest.getKeyField().startsWith("/")) {
      pointer(ingest.getKeyField(), path + ".keyField", problems);
    }
    problems.whenSet(
        ingest.getKeyField(), k -> !k.isBlank(), path + ".keyField", "must not be blank");
    problems.whenSet(
        ingest.getRateLimit(),
        r -> r > 0 && Double.isFinite(r),
        path + ".rateLimit",
        "must be a positive number of records per second");
    problems.require(
        ingest.getMaxRecordBytes(),
        b -> b >= 1 && b <= MAX_RECORD_BYTES,
        path + ".maxRecordBytes",
        "must be between 1 and " + MAX_RECORD_BYTES);
    retry(ingest.getRetry(), path + ".retry", problems);
    if (ingest.getHttp() != null) {
      http(ingest.getHttp(), path + ".http", problems);
    }
    if (ingest.getSse() != null) {
      sse(ingest.getSse(), path + ".sse", problems);
    }
    if (ingest.getWebsocket() != null) {
      websocket(ingest.getWebsocket(), path + ".websocket", problems);
    }
  }

  private static void http(HttpIngestSpec http, String path, Problems problems) {
    url(http.getUrl(), HTTP_SCHEMES, path + ".url", problems);
    problems.require(
        http.getMethod(),
        m -> m.equals("GET") || m.equals("POST"),
        path + ".method",
        "must be GET or POST");
    if (http.getBody() != null && !"POST".equals(http.getMethod())) {
      problems.add(path + ".body", "is only sent with method POST");
    }
    duration(http.getInterval(), Duration.ofMillis(1), path + ".interval", problems);
    duration(http.getTimeout(), Duration.ofMillis(1), path + ".timeout", problems);
    headers(http.getHeaders(), path + ".headers", problems);
    CursorSpec cursor = http.getCursor();
    if (cursor != null) {
      String at = path + ".cursor";
      if ((cursor.getNextPath() == null) == (cursor.getValuePath() == null)) {
        problems.add(at, "give nextPath or valuePath, exactly one");
      }
      if (cursor.getValuePath() != null && cursor.getParam() == null) {
        problems.add(at + ".param", "is required with valuePath");
      }
      problems.whenSet(cursor.getParam(), p -> !p.isBlank(), at + ".param", "must not be blank");
      problems.whenSet(cursor.getNextPath(), IngestChecks::isPointer, at + ".nextPath", POINTER);
      problems.whenSet(cursor.getValuePath(), IngestChecks::isPointer, at + ".valuePath", POINTER);
    }
  }

  private static void sse(SseIngestSpec sse, String path, Problems problems) {
    url(sse.getUrl(), HTTP_SCHEMES, path + ".url", problems);
    List<String> events = sse.getEvents();
    for (int i = 0; events != null && i < events.size(); i++) {
      problems.require(
          events.get(i), e -> !e.isBlank(), path + ".events[" + i + "]", "must not be blank");
    }
    headers(sse.getHeaders(), path + ".headers", problems);
  }

  private static void websocket(WebSocketIngestSpec ws, String path, Problems problems) {
    url(ws.getUrl(), WS_SCHEMES, path + ".url", problems);
    duration(ws.getPingInterval(), Duration.ZERO, path + ".pingInterval", problems);
    headers(ws.getHeaders(), path + ".headers", problems);
  }

  private static void retry(RetrySpec retry, String path, Problems problems) {
    duration(retry.getInitialBackoff(), Duration.ofMillis(1), path + ".initialBackoff", problems);
    duration(retry.getMaxBackoff(), Duration.ofMillis(1), path + ".maxBackoff", problems);
    var initial = Durations.parse(retry.getInitialBackoff());
    var max = Durations.parse(retry.getMaxBackoff());
    if (initial.isPresent() && max.isPresent() && max.get().compareTo(initial.get()) < 0) {
      problems.add(path + ".maxBackoff", "must not be shorter than initialBackoff");
    }
  }

  private static void headers(List<HeaderSpec> headers, String path, Problems problems) {
    for (int i = 0; headers != null && i < headers.size(); i++) {
      HeaderSpec header = headers.get(i);
      String at = path + "[" + i + "]";
      problems.require(
          header.getName(),
          n -> HEADER_NAME.matcher(n).matches(),
          at + ".name",
          "must be an HTTP header name");
      if ((header.getValue() == null) == (header.getValueFrom() == null)) {
        // The value itself is never part of a message: it may be a credential.
        problems.add(at, "give value or valueFrom, exactly one");
      }
      if (header.getValueFrom() != null) {
        problems.require(
            header.getValueFrom().getName(),
            KubernetesNames::isDnsSubdomain,
            at + ".valueFrom.name",
            "must be the name of a Secret");
        problems.require(
            header.getValueFrom().getKey(),
            k -> SECRET_KEY.matcher(k).matches(),
            at + ".valueFrom.key",
            "must be a Secret key (letters, digits, '-', '_' or '.')");
      }
    }
  }

  private static void url(String url, Set<String> schemes, String path, Problems problems) {
    problems.require(
        url,
        u -> hasScheme(u, schemes),
        path,
        "must be an absolute " + String.join(" or ", schemes.stream().sorted().toList()) + " URL");
  }

  private static boolean hasScheme(String url, Set<String> schemes) {
    try {
      URI uri = new URI(url);
      return uri.getScheme() != null
          && schemes.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void duration(String text, Duration min, String path, Problems problems) {
    problems.require(
        text,
        t -> Durations.parse(t).filter(d -> d.compareTo(min) >= 0).isPresent(),
        path,
        min.isZero()
            ? "must be a duration like 30s, or 0"
            : "must be a positive duration like 10s or 500ms");
  }

  private static void pointer(String text, String path, Problems problems) {
    problems.require(text, IngestChecks::isPointer, path, POINTER);
  }

  static boolean isPointer(String text) {
    try {
      JsonPointer.compile(text);
      return !text.matches(".*~([^01]|$).*");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
