package io.streampipe.operator.runtime;

import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import java.util.function.Consumer;

/**
 * JOSDK's Operator that tells {@link Leadership} it stops before it gives up the lease, and hands
 * the lease over once it has stopped.
 */
final class StoppableOperator extends Operator {
  private final Leadership leadership;

  StoppableOperator(Consumer<ConfigurationServiceOverrider> overrides, Leadership leadership) {
    super(overrides);
    this.leadership = leadership;
  }

  @Override
  public void stop() {
    leadership.stopping();
    super.stop();
    leadership.release(getKubernetesClient());
  }
}
