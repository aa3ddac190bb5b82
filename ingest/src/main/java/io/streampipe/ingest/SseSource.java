package io.streampipe.ingest;

import io.streampipe.api.v1alpha1.SseIngestSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Server-Sent Events stream; after a drop it reconnects with back-off and sends
 * Last-Event-ID, so the server resumes after the last event sent to Kafka.
 */
final class SseSource implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(SseSource.class);

  private final SseIngestSpec spec;
  private final Map<String, String> headers;
  private final String source;

  SseSource(SseIngestSpec spec, Map<String, String> headers) {
    this.spec = spec;
    this.headers = headers;
    this.source = SourceUrl.redacted(URI.create(spec.getUrl()));
  }

  @Override
  public void run(SourceContext context) throws InterruptedException {
    Backoff backoff = context.backoff();
    Set<String> kept = spec.getEvents() == null ? null : Set.copyOf(spec.getEvents());
    URI uri = URI.create(spec.getUrl());
    boolean first = true;
    while (!context.stop().isStopped()) {
      if (!first) {
        context.metrics().reconnected();
      }
      first = false;
      long retryMillis = -1;
      try {
        HttpResponse<InputStream> response =
            context.http().send(request(uri, context), HttpResponse.BodyHandlers.ofInputStream());
        context.metrics().request(response.statusCode());
        if (response.statusCode() == 200) {
          context.metrics().succeeded(context.clock().millis());
          retryMillis = read(response.body(), kept, uri, context, backoff);
        } else {
          response.body().close();
          context.metrics().error(Integer.toString(response.statusCode()));
        }
      } catch (IOException e) {
        context.metrics().error("io");
        LOG.warn("{} dropped ({})", uri.getHost(), e.toString());
      }
      context.state().saveNow();
      Duration wait = backoff.next();
      if (retryMillis > wait.toMillis()) {
        wait = Duration.ofMillis(retryMillis);
      }
      if (!context.stop().isStopped()) {
        LOG.info("reconnecting to {} in {} ms", uri.getHost(), wait.toMillis());
      }
      if (!context.stop().sleep(wait)) {
        return;
      }
    }
  }

  private long read(
      InputStream body, Set<String> kept, URI uri, SourceContext context, Backoff backoff)
      throws IOException, InterruptedException {
    Runnable close = () -> closeQuietly(body);
    context.stop().onStop(close);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      SseParser parser = new SseParser(reader, context.state().current().lastEventId());
      parser.read(
          event -> {
            backoff.reset();
            if (kept == null || kept.contains(event.type())) {
              context.deliver(event.data().getBytes(StandardCharsets.UTF_8), source);
            }
            context.state().update(context.state().current().withLastEventId(event.id()));
          });
      return parser.retryMillis();
    } finally {
      context.stop().forget(close);
    }
  }

  private HttpRequest request(URI uri, SourceContext context) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    headers.forEach(request::header);
    String lastEventId = context.state().current().lastEventId();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return request.build();
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // Closing only unblocks the reader at stop; there is nothing left to save.
    }
  }
}
