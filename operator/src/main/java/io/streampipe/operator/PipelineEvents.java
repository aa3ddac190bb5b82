package io.streampipe.operator;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.streampipe.api.StreamingPipelines;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.operator.desired.Labels;
import io.streampipe.operator.status.Notices;
import io.streampipe.operator.status.Notices.Notice;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kubernetes Events on a pipeline: its condition transitions and its errors. */
public class PipelineEvents {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineEvents.class);
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final KubernetesClient client;
  private final Clock clock;

  public PipelineEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** The Events a status change deserves, see {@link Notices}. */
  public void onTransitions(
      StreamingPipeline pipeline, StreamingPipelineStatus before, StreamingPipelineStatus after) {
    for (Notice notice : Notices.between(before, after)) {
      record(pipeline, notice.type(), notice.reason(), notice.message());
    }
  }

  public void warning(StreamingPipeline pipeline, String reason, String message) {
    record(pipeline, "Warning", reason, message);
  }

  public void normal(StreamingPipeline pipeline, String reason, String message) {
    record(pipeline, "Normal", reason, message);
  }

  /** Writes one Event; protected so a reconciler's unit test can keep them instead. */
  protected void record(StreamingPipeline pipeline, String type, String reason, String message) {
    String namespace = pipeline.getMetadata().getNamespace();
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(pipeline.getMetadata().getName() + "." + Long.toHexString(sequence()))
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(StreamingPipelines.API_VERSION)
                    .withKind(StreamingPipelines.KIND)
                    .withNamespace(namespace)
                    .withName(pipeline.getMetadata().getName())
                    .withUid(pipeline.getMetadata().getUid())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message.length() > 1000 ? message.substring(0, 1000) : message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(Labels.OPERATOR)
            .endSource()
            .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (RuntimeException e) {
      // An event is a courtesy: failing to record one must not fail the reconcile.
      LOG.warn(
          "event={} pipeline={}/{} not recorded: {}",
          reason,
          namespace,
          pipeline.getMetadata().getName(),
          e.getMessage());
    }
  }

  private long sequence() {
    return System.currentTimeMillis() * 1000 + SEQUENCE.incrementAndGet() % 1000;
  }
}
