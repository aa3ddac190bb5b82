package io.streampipe.operator;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The status this operator last wrote for each pipeline, until the informer's cache shows it. A
 * status patch's answer does not reach the cache, so a reconcile that starts before the watch
 * delivers the write (a timer, another part's event) would judge against the older status: write
 * the same status again and emit its transitions' Events twice.
 */
final class WrittenStatus {
  /** What was written, on top of which version of the pipeline. */
  private record Write(String basedOn, StreamingPipelineStatus status) {}

  // Copies in and out: a reconcile may change the status it was handed.
  private static final KubernetesSerialization COPIES = new KubernetesSerialization();
  private final Map<String, Write> byUid = new ConcurrentHashMap<>();

  /**
   * The status to judge changes against: the last written one while the cache lags behind it, put
   * on {@code cached} (the reconcile's copy of the pipeline) so that every reader sees the same.
   */
  StreamingPipelineStatus onto(StreamingPipeline cached) {
    String uid = cached.getMetadata().getUid();
    Write last = byUid.get(uid);
    if (last == null) {
      return cached.getStatus();
    }
    if (last.basedOn().equals(cached.getMetadata().getResourceVersion())) {
      cached.setStatus(COPIES.clone(last.status()));
      return cached.getStatus();
    }
    // The cache has moved past the version the write was based on: it holds the write, or newer.
    byUid.remove(uid, last);
    return cached.getStatus();
  }

  /** A status patch of {@code cached}, the version the reconcile read, is about to be sent. */
  void wrote(StreamingPipeline cached, StreamingPipelineStatus status) {
    String version = cached.getMetadata().getResourceVersion();
    if (version != null) {
      byUid.put(cached.getMetadata().getUid(), new Write(version, COPIES.clone(status)));
    }
  }

  /** After a failed reconcile (the write may not have happened) or the pipeline's deletion. */
  void forget(StreamingPipeline pipeline) {
    byUid.remove(pipeline.getMetadata().getUid());
  }
}
