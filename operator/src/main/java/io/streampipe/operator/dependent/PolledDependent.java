package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.ResourceIDMapper;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.external.PerResourcePollingDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.ExternalResourceCachingEventSource;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import io.streampipe.operator.LastGoodSpec;
import io.streampipe.operator.OperatorConfig;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.desired.ResolvedPipeline;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A part outside Kubernetes that nothing watches, polled by the framework as the JOSDK mysql-schema
 * sample polls its schema: fetch observes, and create or update apply the safe plan and return the
 * new observation. A pipeline has at most one observation per dependent.
 *
 * @param <R> the observation: what the external system holds, independent of the spec
 */
public abstract class PolledDependent<R>
    extends PerResourcePollingDependentResource<R, StreamingPipeline, String>
    implements Creator<R, StreamingPipeline>, Updater<R, StreamingPipeline> {
  private static final Logger LOG = LoggerFactory.getLogger(PolledDependent.class);

  private final OperatorConfig config;
  private volatile KubernetesClient client;

  protected PolledDependent(Class<R> type, String name, OperatorConfig config) {
    super(type, config.polling().notReady(), ResourceIDMapper.singleResourceResourceIDMapper());
    setName(name);
    this.config = config;
  }

  /**
   * What the external system holds for the pipeline, read without changing it; empty when the
   * pipeline has nothing there. Never throws for the external system's trouble.
   */
  protected abstract Optional<R> observe(ResolvedPipeline pipeline, KubernetesClient client);

  /** Applies the safe plan and observes again; never throws for the external system's trouble. */
  protected abstract R apply(ResolvedPipeline pipeline, KubernetesClient client);

  /** The observation of a system that holds exactly what the spec asks for. */
  protected abstract R desired(ResolvedPipeline pipeline);

  /** Whether applying the safe plan could change what {@code observed} shows. */
  protected abstract boolean needsApply(R observed, ResolvedPipeline pipeline);

  /** Whether the part is ready: then it is polled at the slow period, to notice drift. */
  protected abstract boolean isReady(R observed, ResolvedPipeline pipeline);

  @Override
  protected ExternalResourceCachingEventSource<R, StreamingPipeline, String> createEventSource(
      EventSourceContext<StreamingPipeline> context) {
    client = context.getClient();
    // Observing waits on the network (a connect timeout when a server is down): one thread per
    // reconcile thread, so a slow cluster does not hold up every other pipeline's poll.
    var executor = new ScheduledThreadPoolExecutor(Math.max(1, config.reconcileConcurrency()));
    return new PerResourcePollingEventSource<>(
        resourceType(),
        context,
        new PerResourcePollingConfigurationBuilder<R, StreamingPipeline, String>(
                this, getPollingPeriod())
            .withResourceIDMapper(resourceIDMapper())
            .withExecutorService(executor)
            .withName(name())
            .build());
  }

  /** Runs on the poller's thread for the newest primary, outside any reconcile. */
  @Override
  public Set<R> fetchResources(StreamingPipeline primary) {
    try {
      return resolve(primary).flatMap(p -> observe(p, client)).map(Set::of).orElse(Set.of());
    } catch (RuntimeException e) {
      // A thrown fetch would end this pipeline's polling; keep the last observation instead.
      LOG.warn(
          "pipeline={}/{} dependent={} poll_error={}",
          primary.getMetadata().getNamespace(),
          primary.getMetadata().getName(),
          name(),
          e.toString());
      return eventSource()
          .map(s -> s.getSecondaryResources(ResourceID.fromResource(primary)))
          .orElse(Set.of());
    }
  }

  @Override
  public Optional<Duration> fetchDelay(Set<R> last, StreamingPipeline primary) {
    if (last == null) {
      return Optional.of(config.polling().notReady());
    }
    Optional<ResolvedPipeline> pipeline = resolve(primary);
    boolean ready = pipeline.isEmpty() || last.stream().allMatch(o -> isReady(o, pipeline.get()));
    return Optional.of(ready ? config.polling().ready() : config.polling().notReady());
  }

  /**
   * The valid spec, as in a reconcile; while an update is invalid, the last good one still runs and
   * is observed.
   */
  private Optional<ResolvedPipeline> resolve(StreamingPipeline primary) {
    return LastGoodSpec.observed(primary, client, config);
  }

  @Override
  public Matcher.Result<R> match(
      R actual, StreamingPipeline primary, Context<StreamingPipeline> context) {
    return Matcher.Result.nonComputed(!needsApply(actual, Pipelines.resolved(context)));
  }

  @Override
  protected R desired(StreamingPipeline primary, Context<StreamingPipeline> context) {
    return desired(Pipelines.resolved(context));
  }

  @Override
  public R create(R desired, StreamingPipeline primary, Context<StreamingPipeline> context) {
    return apply(Pipelines.resolved(context), context.getClient());
  }

  @Override
  public R update(
      R actual, R desired, StreamingPipeline primary, Context<StreamingPipeline> context) {
    return apply(Pipelines.resolved(context), context.getClient());
  }

  /** The event source keeps one observation per pipeline: no need to compare with the desired. */
  @Override
  protected Optional<R> selectTargetSecondaryResource(
      Set<R> secondaryResources, StreamingPipeline primary, Context<StreamingPipeline> context) {
    return secondaryResources.stream().findFirst();
  }
}
