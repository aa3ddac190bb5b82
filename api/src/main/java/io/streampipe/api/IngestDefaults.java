package io.streampipe.api;

import io.streampipe.api.v1alpha1.HttpIngestSpec;
import io.streampipe.api.v1alpha1.IngestSpec;
import io.streampipe.api.v1alpha1.RetrySpec;
import io.streampipe.api.v1alpha1.SseIngestSpec;
import io.streampipe.api.v1alpha1.WebSocketIngestSpec;
import java.util.ArrayList;

/** The ingest part of {@link PipelineDefaults#apply}; only called from there. */
final class IngestDefaults {
  static final String METHOD = "GET";
  static final String INTERVAL = "10s";
  static final String TIMEOUT = "30s";
  static final String PING_INTERVAL = "30s";
  static final int MAX_RECORD_BYTES = 1_048_576;
  static final String INITIAL_BACKOFF = "1s";
  static final String MAX_BACKOFF = "1m";

  private IngestDefaults() {}

  static void apply(IngestSpec ingest) {
    if (ingest == null) {
      return;
    }
    ingest.setRecordsPath(or(ingest.getRecordsPath(), ""));
    ingest.setMaxRecordBytes(or(ingest.getMaxRecordBytes(), MAX_RECORD_BYTES));
    RetrySpec retry = or(ingest.getRetry(), new RetrySpec());
    retry.setInitialBackoff(or(retry.getInitialBackoff(), INITIAL_BACKOFF));
    retry.setMaxBackoff(or(retry.getMaxBackoff(), MAX_BACKOFF));
    ingest.setRetry(retry);
    HttpIngestSpec http = ingest.getHttp();
    if (http != null) {
      http.setMethod(or(http.getMethod(), METHOD));
      http.setInterval(or(http.getInterval(), INTERVAL));
      http.setTimeout(or(http.getTimeout(), TIMEOUT));
      http.setHeaders(or(http.getHeaders(), new ArrayList<>()));
    }
    SseIngestSpec sse = ingest.getSse();
    if (sse != null) {
      sse.setHeaders(or(sse.getHeaders(), new ArrayList<>()));
    }
    WebSocketIngestSpec websocket = ingest.getWebsocket();
    if (websocket != null) {
      websocket.setPingInterval(or(websocket.getPingInterval(), PING_INTERVAL));
      websocket.setHeaders(or(websocket.getHeaders(), new ArrayList<>()));
    }
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
