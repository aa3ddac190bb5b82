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
 * Polls a REST endpoint: a request each interval, pages followed at once while the cursor moves
 * (the next one asked for while this one's records are sent), back-off after failures, and
 * Retry-After honoured on 429 and 503. One kept-alive connection and one reused body buffer for the
 * source's life ({@link KeepAliveHttpClient}).
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
    Request request = new Request(spec, headers, timeout);
    try (KeepAliveHttpClient http = new KeepAliveHttpClient(tls)) {
      URI ahead = null;
      while (!context.stop().isStopped()) {
        URI uri = ahead != null ? ahead : cursor.next();
        Duration wait;
        try {
          Response response = ahead != null ? http.receive() : request.send(http, uri);
          ahead = null;
          Duration refused = refusal(response, uri, context, backoff);
          if (refused != null) {
            wait = refused;
          } else {
            backoff.reset();
            // The body lives in the client's reused buffer: the split copies what it keeps.
            Split split = context.split(response.body(), response.length());
            boolean more = cursor.advance(split);
            // The next page is asked for before this one's records are sent: the API prepares it
            // meanwhile.
            ahead = more ? askAhead(http, request, cursor.next()) : null;
            context.send(split, SourceUrl.redacted(uri));
            // Saved after the records were sent (and, by the keeper, flushed): never past one
            // unsent.
            context.state().update(context.state().current().withCursor(cursor.value()));
            wait = more ? Duration.ZERO : interval;
          }
        } catch (HttpTimeoutException e) {
          ahead = null;
          context.metrics().error("timeout");
          wait = backoff.next();
          LOG.warn("{} timed out; retrying in {} ms", uri.getHost(), wait.toMillis());
        } catch (IOException e) {
          ahead = null;
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

  /** The method, headers, body and timeout every request of this source is sent with. */
  private record Request(
      String method, Map<String, String> headers, byte[] content, Duration timeout) {
    Request(HttpIngestSpec spec, Map<String, String> headers, Duration timeout) {
      this(
          "POST".equals(spec.getMethod()) ? "POST" : "GET",
          headers,
          "POST".equals(spec.getMethod()) ? postBody(spec) : null,
          timeout);
    }

    Response send(KeepAliveHttpClient http, URI uri) throws IOException {
      return http.send(method, uri, headers, content, timeout);
    }

    void dispatch(KeepAliveHttpClient http, URI uri) throws IOException {
      http.dispatch(method, uri, headers, content, timeout);
    }
  }

  /** How long to wait after an answer that is not a 2xx (counted and logged); null for a 2xx. */
  private static Duration refusal(
      Response response, URI uri, SourceContext context, Backoff backoff) {
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
    return null;
  }

  /**
   * Writes the request for the next page; its URI, or null when it could not be written (the page
   * is then asked for again the usual way, so none is skipped).
   */
  private static URI askAhead(KeepAliveHttpClient http, Request request, URI next) {
    try {
      request.dispatch(http, next);
      return next;
    } catch (IOException e) {
      LOG.debug("could not ask {} for the next page ahead: {}", next.getHost(), e.toString());
      return null;
    }
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
