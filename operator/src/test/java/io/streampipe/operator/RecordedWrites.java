package io.streampipe.operator;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The operator's writes among the requests the mock API server recorded, by verb and resource; the
 * other operators' part is told apart by its User-Agent. Taking them empties the server's record.
 */
final class RecordedWrites {
  static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  static final String STATUS = "streamingpipelines/status";

  private final KubernetesMockServer server;
  private final String player;
  private final Map<String, Integer> byKind = new TreeMap<>();

  RecordedWrites(KubernetesMockServer server, String player) {
    this.server = server;
    this.player = player;
  }

  /** Forgets what was recorded so far: the next {@link #take} counts from now. */
  void reset() throws InterruptedException {
    take();
    byKind.clear();
  }

  /** Takes the recorded requests; returns how many were the operator's writes. */
  long take() throws InterruptedException {
    long writes = 0;
    RecordedRequest request;
    while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      String agent = request.getHeader("User-Agent");
      if (WRITES.contains(request.getMethod()) && (agent == null || !agent.contains(player))) {
        writes++;
        String kind =
            ApiCall.of(request.getMethod(), request.getPath())
                .map(ApiCall::resource)
                .orElse(request.getPath());
        byKind.merge(request.getMethod() + " " + kind, 1, Integer::sum);
      }
    }
    return writes;
  }

  /** Status writes (any verb) among those taken since the last reset. */
  long status() {
    return byKind.entrySet().stream()
        .filter(e -> e.getKey().endsWith(" " + STATUS))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  Map<String, Integer> byKind() {
    return Map.copyOf(byKind);
  }

  /** Each kind's count divided by {@code pipelines}, e.g. {PATCH …/status=3.00}. */
  String perPipeline(int pipelines) {
    Map<String, String> each = new TreeMap<>();
    byKind.forEach((k, v) -> each.put(k, String.format("%.2f", (double) v / pipelines)));
    return each.toString();
  }
}
