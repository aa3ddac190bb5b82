package io.streampipe.ingest;

import io.streampipe.api.Durations;
import io.streampipe.api.v1alpha1.RetrySpec;
import io.streampipe.ingest.RecordSplitter.Split;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/** What every source shares: splitting, sending, metrics, state, retry settings and the stop. */
final class SourceContext {
  private final RecordSplitter splitter;
  private final TopicWriter writer;
  private final IngestMetrics metrics;
  private final StateKeeper state;
  private final RetrySpec retry;
  private final StopSignal stop;
  private final Clock clock;
  private final HttpClient http;

  SourceContext(
      RecordSplitter splitter,
      TopicWriter writer,
      IngestMetrics metrics,
      StateKeeper state,
      RetrySpec retry,
      StopSignal stop,
      Clock clock) {
    this.splitter = splitter;
    this.writer = writer;
    this.metrics = metrics;
    this.state = state;
    this.retry = retry;
    this.stop = stop;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** Splits a body and sends its records and refusals. */
  void deliver(byte[] body, String source) throws InterruptedException {
    send(split(body), source);
  }

  /** Splits bytes {@code from} to {@code to} of a reused buffer and sends what they hold. */
  void deliver(byte[] buffer, int from, int to, String source) throws InterruptedException {
    send(splitter.split(buffer, from, to), source);
  }

  /** Splits a body: its records, its refusals and the cursor found on the way. */
  Split split(byte[] body) {
    return splitter.split(body);
  }

  /** Splits the first {@code length} bytes of a buffer its caller reuses; nothing is kept. */
  Split split(byte[] buffer, int length) {
    return splitter.split(buffer, length);
  }

  /** Sends a split body's records and refusals. */
  void send(Split split, String source) throws InterruptedException {
    writer.write(split, source);
    metrics.succeeded(clock.millis());
  }

  Backoff backoff() {
    return new Backoff(
        Durations.require(retry.getInitialBackoff()), Durations.require(retry.getMaxBackoff()));
  }

  IngestMetrics metrics() {
    return metrics;
  }

  StateKeeper state() {
    return state;
  }

  StopSignal stop() {
    return stop;
  }

  Clock clock() {
    return clock;
  }

  HttpClient http() {
    return http;
  }
}
