package io.streampipe.ingest;

import io.streampipe.api.Durations;
import io.streampipe.api.v1alpha1.HttpIngestSpec;
import io.streampipe.ingest.HttpResponseReader.Response;
import io.streampipe.ingest.RecordSplitter.Split;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a REST endpoint: a request each interval, pages followed at once while the cursor moves,
 * back-off after failures, and Retry-After honoured on 429 and 503. One kept-alive connection and
 * one reused body buffer for the source's life ({@link KeepAliveHttpClient}).
 */
final class HttpPollingSource implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(HttpPollingSource.class);

  private final HttpIngestSpec spec;
  private final Map<String, String> headers;
  private final SSLSocketFactory tls;

  HttpPollingSource(HttpIngestSpec spec, Map<String, String> headers) {
    this(spec, headers, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  HttpPollingSource(HttpIngestSpec spec, Map<String, String> headers, SSLSocketFactory tls) {
    this.spec = spec;
    this.headers = requestHeaders(spec, headers);
    this.tls = tls;
  }

  @Override
  public void run(SourceContext context) throws InterruptedException {
    Duration interval = Durations.require(spec.getInterval());
    Duration timeout = Durations.require(spec.getTimeout());
    Backoff backoff = context.backoff();
    PageCursor cursor =
        new PageCursor(
            URI.create(spec.getUrl()), spec.getCursor(), context.state().current().cursor());
    String method = "POST".equals(spec.getMethod()) ? "POST" : "GET";
    byte[] content = method.equals("POST") ? postBody(spec) : null;
    try (KeepAliveHttpClient http = new KeepAliveHttpClient(tls)) {
      while (!context.stop().isStopped()) {
        URI uri = cursor.next();
        Duration wait;
        try {
          Response response = http.send(method, uri, headers, content, timeout);
          wait = handle(response, uri, cursor, context, backoff, interval);
        } catch (HttpTimeoutException e) {
          context.metrics().error("timeout");
          wait = backoff.next();
          LOG.warn("{} timed out; retrying in {} ms", uri.getHost(), wait.toMillis());
        } catch (IOException e) {
          context.metrics().error("io");
          wait = backoff.next();
          LOG.warn("{} failed ({}); retrying in {} ms", uri.getHost(), e, wait.toMillis());
        }
        if (!wait.isZero() && !context.stop().sleep(wait)) {
          return;
        }
      }
    }
  }

  private Duration handle(
      Response response,
      URI uri,
      PageCursor cursor,
      SourceContext context,
      Backoff backoff,
      Duration interval)
      throws InterruptedException {
    int status = response.status();
    context.metrics().request(status);
    if (status == 429 || status == 503) {
      context.metrics().error(Integer.toString(status));
      Duration wait =
          RetryAfter.parse(response.retryAfter(), context.clock()).orElseGet(backoff::next);
      LOG.info("{} answered {}; waiting {} ms", uri.getHost(), status, wait.toMillis());
      return wait;
    }
    if (status < 200 || status > 299) {
      context.metrics().error(Integer.toString(status));
      Duration wait = backoff.next();
      LOG.warn("{} answered {}; retrying in {} ms", uri.getHost(), status, wait.toMillis());
      return wait;
    }
    backoff.reset();
    // The body lives in the client's reused buffer: the split copies what it keeps.
    Split split = context.split(response.body(), response.length());
    boolean more = cursor.advance(split);
    context.send(split, SourceUrl.redacted(uri));
    // Saved after the records were sent (and, by the keeper, flushed): never past one unsent.
    context.state().update(context.state().current().withCursor(cursor.value()));
    return more ? Duration.ZERO : interval;
  }

  private static Map<String, String> requestHeaders(
      HttpIngestSpec spec, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    if ("POST".equals(spec.getMethod())) {
      all.put("Content-Type", "application/json; charset=utf-8");
    }
    return Map.copyOf(all);
  }

  private static byte[] postBody(HttpIngestSpec spec) {
    return (spec.getBody() == null ? "" : spec.getBody()).getBytes(StandardCharsets.UTF_8);
  }
}
