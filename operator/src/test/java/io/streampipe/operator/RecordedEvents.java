package io.streampipe.operator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The Events a reconcile would write, kept as "Type Reason" lines instead of sent. */
final class RecordedEvents extends PipelineEvents {
  private final List<String> recorded = new ArrayList<>();

  RecordedEvents() {
    super(null, Clock.systemUTC());
  }

  @Override
  protected void record(StreamingPipeline pipeline, String type, String reason, String message) {
    recorded.add(type + " " + reason);
  }

  List<String> recorded() {
    return List.copyOf(recorded);
  }
}
