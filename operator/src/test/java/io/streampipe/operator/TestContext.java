package io.streampipe.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.ManagedWorkflowAndDependentResourceContext;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowCleanupResult;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.javaoperatorsdk.operator.processing.event.EventSourceRetriever;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * The context JOSDK hands {@code reconcile()}, for calling the reconciler directly: the secondary
 * resources the informers and pollers hold after the workflow ran, and a workflow context that
 * counts its runs. With {@code explicitInvocation} the dependents run inside {@code
 * reconcileManagedWorkflow()} and leave their results in the caches; here the caches are given.
 */
final class TestContext implements Context<StreamingPipeline> {
  private final StreamingPipeline primary;
  private final List<Object> secondaries = new ArrayList<>();
  private final Map<String, Object> byEventSource = new HashMap<>();
  private final Workflow workflow = new Workflow();

  TestContext(StreamingPipeline primary) {
    this.primary = primary;
  }

  /** A secondary resource from an event source the reconciler reads by type. */
  TestContext with(Object secondary) {
    secondaries.add(secondary);
    return this;
  }

  /** A secondary resource from the named event source. */
  TestContext with(String eventSource, Object secondary) {
    byEventSource.put(eventSource, secondary);
    return this;
  }

  int workflowRuns() {
    return workflow.runs;
  }

  @Override
  public <R> Optional<R> getSecondaryResource(Class<R> type, String eventSource) {
    if (eventSource != null) {
      return Optional.ofNullable(byEventSource.get(eventSource))
          .filter(type::isInstance)
          .map(type::cast);
    }
    return secondaries.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  @Override
  public <R> Set<R> getSecondaryResources(Class<R> type) {
    List<Object> all = new ArrayList<>(secondaries);
    all.addAll(byEventSource.values());
    return all.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toSet());
  }

  @Override
  public ManagedWorkflowAndDependentResourceContext managedWorkflowAndDependentResourceContext() {
    return workflow;
  }

  @Override
  public Optional<RetryInfo> getRetryInfo() {
    return Optional.empty();
  }

  @Override
  public StreamingPipeline getPrimaryResource() {
    return primary;
  }

  @Override
  public boolean isNextReconciliationImminent() {
    return false;
  }

  @Override
  public boolean isPrimaryResourceDeleted() {
    return false;
  }

  @Override
  public boolean isPrimaryResourceFinalStateUnknown() {
    return false;
  }

  @Override
  public ControllerConfiguration<StreamingPipeline> getControllerConfiguration() {
    throw unused();
  }

  @Override
  public EventSourceRetriever<StreamingPipeline> eventSourceRetriever() {
    throw unused();
  }

  @Override
  public KubernetesClient getClient() {
    throw unused();
  }

  @Override
  public ExecutorService getWorkflowExecutorService() {
    throw unused();
  }

  @Override
  public IndexedResourceCache<StreamingPipeline> getPrimaryCache() {
    throw unused();
  }

  private static UnsupportedOperationException unused() {
    return new UnsupportedOperationException("a reconcile under test does not reach this");
  }

  /** The values dependents share in one reconcile, and the workflow's runs. */
  private static final class Workflow implements ManagedWorkflowAndDependentResourceContext {
    private final Map<Object, Object> values = new HashMap<>();
    private int runs;
    private WorkflowReconcileResult result;

    @Override
    public <T> Optional<T> get(Object key, Class<T> type) {
      return Optional.ofNullable(values.get(key)).filter(type::isInstance).map(type::cast);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T put(Object key, T value) {
      return (T) (value == null ? values.remove(key) : values.put(key, value));
    }

    @Override
    public <T> T getMandatory(Object key, Class<T> type) {
      return get(key, type).orElseThrow(() -> new IllegalStateException("no " + key));
    }

    @Override
    public Optional<WorkflowReconcileResult> getWorkflowReconcileResult() {
      return Optional.ofNullable(result);
    }

    @Override
    public Optional<WorkflowCleanupResult> getWorkflowCleanupResult() {
      return Optional.empty();
    }

    @Override
    public WorkflowReconcileResult reconcileManagedWorkflow() {
      runs++;
      result = new Succeeded();
      return result;
    }

    @Override
    public WorkflowCleanupResult cleanupManageWorkflow() {
      throw unused();
    }
  }

  /** The workflow's result when every dependent reconciled without an error. */
  private static final class Succeeded implements WorkflowReconcileResult {
    @Override
    public Map<DependentResource, Exception> getErroredDependents() {
      return Map.of();
    }

    @Override
    public boolean erroredDependentsExist() {
      return false;
    }

    @Override
    public void throwAggregateExceptionIfErrorsPresent() {}
  }
}
