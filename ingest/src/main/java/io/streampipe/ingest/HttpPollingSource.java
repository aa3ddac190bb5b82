package io.streampipe.ingest;

import io.streampipe.api.Durations;
import io.streampipe.api.v1alpha1.HttpIngestSpec;
import io.streampipe.ingest.RecordSplitter.Split;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a REST endpoint: a request each interval, pages followed at once while the cursor moves
 * (the next page is requested as soon as this one's cursor is read, and arrives while its records
 * are sent), back-off after failures, and Retry-After honoured on 429 and 503.
 */
final class HttpPollingSource implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(HttpPollingSource.class);

  private final HttpIngestSpec spec;
  private final Map<String, String> headers;

  /** The request already sent for the next page, or null. */
  private Pending pending;

  private record Pending(URI uri, CompletableFuture<HttpResponse<byte[]>> response) {}

  HttpPollingSource(HttpIngestSpec spec, Map<String, String> headers) {
    this.spec = spec;
    this.headers = headers;
  }

  @Override
  public void run(SourceContext context) throws InterruptedException {
    Duration interval = Durations.require(spec.getInterval());
    Duration timeout = Durations.require(spec.getTimeout());
    Backoff backoff = context.backoff();
    PageCursor cursor =
        new PageCursor(
            URI.create(spec.getUrl()), spec.getCursor(), context.state().current().cursor());
    try {
      poll(context, cursor, backoff, interval, timeout);
    } finally {
      if (pending != null) {
        pending.response().cancel(true);
      }
    }
  }

  private void poll(
      SourceContext context,
      PageCursor cursor,
      Backoff backoff,
      Duration interval,
      Duration timeout)
      throws InterruptedException {
    while (!context.stop().isStopped()) {
      URI uri = cursor.next();
      Duration wait;
      try {
        HttpResponse<byte[]> response = fetch(uri, timeout, context);
        wait = handle(response, uri, cursor, context, backoff, interval, timeout);
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

  /** The response for {@code uri}: the one requested ahead if it is for that page. */
  private HttpResponse<byte[]> fetch(URI uri, Duration timeout, SourceContext context)
      throws IOException, InterruptedException {
    Pending ahead = pending;
    pending = null;
    if (ahead == null || !ahead.uri().equals(uri)) {
      if (ahead != null) {
        ahead.response().cancel(true);
      }
      return context.http().send(request(uri, timeout), HttpResponse.BodyHandlers.ofByteArray());
    }
    try {
      return ahead.response().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  private Duration handle(
      HttpResponse<byte[]> response,
      URI uri,
      PageCursor cursor,
      SourceContext context,
      Backoff backoff,
      Duration interval,
      Duration timeout)
      throws InterruptedException {
    int status = response.statusCode();
    context.metrics().request(status);
    if (status == 429 || status == 503) {
      context.metrics().error(Integer.toString(status));
      Duration wait =
          RetryAfter.parse(
                  response.headers().firstValue("Retry-After").orElse(null), context.clock())
              .orElseGet(backoff::next);
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
    Split split = context.split(response.body());
    boolean more = cursor.advance(split);
    if (more) {
      URI next = cursor.next();
      pending =
          new Pending(
              next,
              context
                  .http()
                  .sendAsync(request(next, timeout), HttpResponse.BodyHandlers.ofByteArray()));
    }
    context.send(split, SourceUrl.redacted(uri));
    // Saved after the records were sent (and, by the keeper, flushed): never past one unsent.
    context.state().update(context.state().current().withCursor(cursor.value()));
    return more ? Duration.ZERO : interval;
  }

  private HttpRequest request(URI uri, Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
    headers.forEach(request::header);
    if ("POST".equals(spec.getMethod())) {
      String body = spec.getBody() == null ? "" : spec.getBody();
      request.header("Content-Type", "application/json; charset=utf-8");
      request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      request.GET();
    }
    return request.build();
  }
}
