package io.streampipe.ingest;

import io.streampipe.api.v1alpha1.IngestSpec;
import java.util.function.Function;

/** The source an ingest spec names. */
final class Sources {
  private Sources() {}

  static Source of(IngestSpec ingest, Function<String, String> env) {
    if (ingest.getHttp() != null) {
      return new HttpPollingSource(
          ingest.getHttp(), HeaderValues.resolve(ingest.getHttp().getHeaders(), env));
    }
    if (ingest.getSse() != null) {
      return new SseSource(
          ingest.getSse(), HeaderValues.resolve(ingest.getSse().getHeaders(), env));
    }
    return new WebSocketSource(
        ingest.getWebsocket(), HeaderValues.resolve(ingest.getWebsocket().getHeaders(), env));
  }
}
