package io.streampipe.ingest;

import io.streampipe.api.Durations;
import io.streampipe.api.v1alpha1.WebSocketIngestSpec;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a WebSocket feed on the source's thread ({@link WebSocketConnection}): subscribes after
 * each connect, pings when the feed is quiet and drops a connection it heard nothing from in two
 * and a half ping intervals, reconnects with back-off.
 */
final class WebSocketSource implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketSource.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** How long a read waits before the source looks at its stop signal and its pings. */
  private static final Duration POLL = Duration.ofMillis(100);

  private final WebSocketIngestSpec spec;
  private final Map<String, String> headers;
  private final SSLSocketFactory tls;
  private final String source;

  WebSocketSource(WebSocketIngestSpec spec, Map<String, String> headers) {
    this(spec, headers, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  WebSocketSource(WebSocketIngestSpec spec, Map<String, String> headers, SSLSocketFactory tls) {
    this.spec = spec;
    this.headers = headers;
    this.tls = tls;
    this.source = SourceUrl.redacted(URI.create(spec.getUrl()));
  }

  @Override
  public void run(SourceContext context) throws InterruptedException {
    Backoff backoff = context.backoff();
    Duration ping = Durations.require(spec.getPingInterval());
    URI uri = URI.create(spec.getUrl());
    boolean first = true;
    while (!context.stop().isStopped()) {
      if (!first) {
        context.metrics().reconnected();
      }
      first = false;
      try (WebSocketConnection connection =
          WebSocketConnection.open(uri, headers, tls, CONNECT_TIMEOUT, POLL)) {
        context.metrics().request(101);
        context.metrics().succeeded(context.clock().millis());
        if (spec.getSubscribe() != null) {
          connection.sendText(spec.getSubscribe());
        }
        Runnable abort = connection::abort;
        context.stop().onStop(abort);
        try {
          pump(connection, ping, uri, context, backoff);
        } finally {
          context.stop().forget(abort);
        }
      } catch (WebSocketHandshake.Refused e) {
        context.metrics().request(e.status);
        context.metrics().error(Integer.toString(e.status));
        LOG.warn("{}", e.getMessage());
      } catch (WebSocketConnection.Closed e) {
        LOG.warn("{} closed the connection: {}", uri.getHost(), e.getMessage());
      } catch (IOException e) {
        if (context.stop().isStopped()) {
          return;
        }
        context.metrics().error("io");
        LOG.warn("{} failed ({})", uri.getHost(), e.toString());
      }
      Duration wait = backoff.next();
      if (!context.stop().isStopped()) {
        LOG.info("reconnecting to {} in {} ms", uri.getHost(), wait.toMillis());
      }
      if (!context.stop().sleep(wait)) {
        return;
      }
    }
  }

  private void pump(
      WebSocketConnection connection,
      Duration ping,
      URI uri,
      SourceContext context,
      Backoff backoff)
      throws IOException, InterruptedException {
    long nextPing = System.nanoTime() + ping.toNanos();
    while (!context.stop().isStopped()) {
      WebSocketConnection.Message message = connection.next();
      if (message != null) {
        backoff.reset();
        int from = message.offset();
        context.deliver(message.bytes(), from, from + message.length(), source);
        continue;
      }
      long now = System.nanoTime();
      if (!ping.isZero() && now >= nextPing) {
        if (now - connection.lastHeardNanos() > 2 * ping.toNanos() + ping.toNanos() / 2) {
          context.metrics().error("ping");
          LOG.warn("{} answered no ping; reconnecting", uri.getHost());
          return;
        }
        connection.ping();
        nextPing = now + ping.toNanos();
      }
    }
  }
}
