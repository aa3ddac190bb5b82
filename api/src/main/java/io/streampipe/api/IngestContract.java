package io.streampipe.api;

import io.streampipe.api.v1alpha1.HeaderSpec;
import io.streampipe.api.v1alpha1.IngestSpec;
import io.streampipe.api.v1alpha1.SecretKeyRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the operator's ingest Deployment and the ingester agree on: the main class, the probe paths
 * beside /metrics, and the variables that carry Secret-backed header values.
 */
public final class IngestContract {
  /** Main class of the ingester in a container. */
  public static final String MAIN_CLASS = "io.streampipe.ingest.IngestMain";

  /** 200 while the process serves. */
  public static final String LIVE_PATH = "/live";

  /** 200 once the source has reached its API, 503 before. */
  public static final String READY_PATH = "/ready";

  private IngestContract() {}

  /** The environment variable that carries a Secret key: STREAMPIPE_SECRET_NAME_KEY. */
  public static String secretVariable(SecretKeyRef ref) {
    return "STREAMPIPE_SECRET_" + normalise(ref.getName()) + "_" + normalise(ref.getKey());
  }

  /** The request headers of whichever source kind the spec gives. */
  public static List<HeaderSpec> headers(IngestSpec ingest) {
    List<HeaderSpec> headers = new ArrayList<>();
    if (ingest.getHttp() != null && ingest.getHttp().getHeaders() != null) {
      headers.addAll(ingest.getHttp().getHeaders());
    }
    if (ingest.getSse() != null && ingest.getSse().getHeaders() != null) {
      headers.addAll(ingest.getSse().getHeaders());
    }
    if (ingest.getWebsocket() != null && ingest.getWebsocket().getHeaders() != null) {
      headers.addAll(ingest.getWebsocket().getHeaders());
    }
    return headers;
  }

  private static String normalise(String text) {
    return text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
