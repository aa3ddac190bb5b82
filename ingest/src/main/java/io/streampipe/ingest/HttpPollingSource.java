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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a REST endpoint: a request each interval, pages followed at once while the cursor moves,
 * back-off after failures, and Retry-After honoured on 429 and 503.
 */
final class HttpPollingSource implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(HttpPollingSource.class);

  private final HttpIngestSpec spec;
  private final Map<String, String> headers;

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
    while (!context.stop().isStopped()) {
      URI uri = cursor.next();
      Duration wait;
      try {
        HttpResponse<byte[]> response =
            context.http().send(request(uri, timeout), HttpResponse.BodyHandlers.ofByteArray());
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

  private Duration handle(
      HttpResponse<byte[]> response,
      URI uri,
      PageCursor cursor,
      SourceContext context,
      Backoff backoff,
      Duration interval)
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
    Split split = context.deliver(response.body(), SourceUrl.redacted(uri));
    boolean more = cursor.advance(split);
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
