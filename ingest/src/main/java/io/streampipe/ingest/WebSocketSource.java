package io.streampipe.ingest;

import io.streampipe.api.Durations;
import io.streampipe.api.v1alpha1.WebSocketIngestSpec;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a WebSocket feed with the JDK's client: subscribes after each connect, pings on a schedule
 * and drops a connection that answered none of two pings, reconnects with back-off.
 */
final class WebSocketSource implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketSource.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final WebSocketIngestSpec spec;
  private final Map<String, String> headers;
  private final String source;

  WebSocketSource(WebSocketIngestSpec spec, Map<String, String> headers) {
    this.spec = spec;
    this.headers = headers;
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
      WebSocketFeed feed = new WebSocketFeed();
      try {
        WebSocket socket = connect(uri, feed, context);
        context.metrics().request(101);
        context.metrics().succeeded(context.clock().millis());
        if (spec.getSubscribe() != null) {
          socket
              .sendText(spec.getSubscribe(), true)
              .get(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        Runnable abort = socket::abort;
        context.stop().onStop(abort);
        try {
          pump(socket, feed, ping, uri, context, backoff);
        } finally {
          context.stop().forget(abort);
          socket.abort();
        }
      } catch (ExecutionException | TimeoutException e) {
        context.metrics().error("io");
        LOG.warn("{} failed ({})", uri.getHost(), String.valueOf(e.getCause()));
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

  private WebSocket connect(URI uri, WebSocketFeed feed, SourceContext context)
      throws InterruptedException, ExecutionException, TimeoutException {
    WebSocket.Builder builder =
        context.http().newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
    headers.forEach(builder::header);
    return builder.buildAsync(uri, feed).get(CONNECT_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS);
  }

  private void pump(
      WebSocket socket,
      WebSocketFeed feed,
      Duration ping,
      URI uri,
      SourceContext context,
      Backoff backoff)
      throws InterruptedException {
    long nextPing = System.nanoTime() + ping.toNanos();
    while (!context.stop().isStopped()) {
      byte[] message = feed.poll(Duration.ofMillis(100));
      if (message != null) {
        backoff.reset();
        context.deliver(message, source);
        continue;
      }
      if (feed.isClosed()) {
        LOG.warn("{} closed the connection: {}", uri.getHost(), feed.closeReason());
        return;
      }
      if (!ping.isZero() && System.nanoTime() >= nextPing) {
        if (System.nanoTime() - feed.lastPongNanos() > 2 * ping.toNanos() + ping.toNanos() / 2) {
          context.metrics().error("ping");
          LOG.warn("{} answered no ping; reconnecting", uri.getHost());
          return;
        }
        socket.sendPing(ByteBuffer.wrap(new byte[] {1}));
        nextPing = System.nanoTime() + ping.toNanos();
      }
    }
  }
}
