package io.streampipe.operator.progress;

import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.ResourceIDMapper;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import io.streampipe.operator.LastGoodSpec;
import io.streampipe.operator.OperatorConfig;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.suspend.Suspension;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Polls every pipeline's progress endpoint and wakes its reconcile when the figures change. A job
 * whose spec switched metrics off serves none, and a suspended one runs no driver, so neither is
 * polled.
 */
public final class ProgressPolling {
  public static final String NAME = "progress";

  private ProgressPolling() {}

  public static PerResourcePollingEventSource<ProgressObservation, StreamingPipeline, String>
      eventSource(EventSourceContext<StreamingPipeline> context, OperatorConfig config) {
    ProgressSettings settings = config.progress();
    ProgressClient client = new ProgressClient(settings.timeout());
    // Each read waits at most the timeout; one thread per reconcile thread keeps a thousand
    // pipelines' polls from queueing behind a few unreachable drivers.
    var executor = new ScheduledThreadPoolExecutor(Math.max(1, config.reconcileConcurrency()));
    return new PerResourcePollingEventSource<>(
        ProgressObservation.class,
        context,
        new PerResourcePollingConfigurationBuilder<ProgressObservation, StreamingPipeline, String>(
                primary ->
                    LastGoodSpec.observed(primary, context.getClient(), config)
                        .filter(p -> p.spec().getMonitoring().getPrometheus().isEnabled())
                        // A suspended job has no driver to ask.
                        .filter(p -> !Suspension.inEffect(primary, p.spec()))
                        .map(
                            p ->
                                Set.of(
                                    ProgressTimers.READ.record(
                                        () -> client.read(settings.endpoints().of(p)))))
                        .orElse(Set.of()),
                settings.period())
            .withResourceIDMapper(ResourceIDMapper.singleResourceResourceIDMapper())
            .withExecutorService(executor)
            .withName(NAME)
            .build());
  }
}
