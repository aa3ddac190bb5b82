package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;

/**
 * Whether a CRD is installed, asked of the API server at most once per interval: JOSDK's own check
 * needs a typed class, and the optional kinds here are generic.
 */
public final class CrdCheck {
  static final Duration INTERVAL = Duration.ofMinutes(1);

  private final String crdName;
  private volatile long checkedAtNanos;
  private volatile boolean present;
  private volatile boolean checked;

  public CrdCheck(String crdName) {
    this.crdName = crdName;
  }

  public boolean present(KubernetesClient client) {
    long now = System.nanoTime();
    if (!checked || now - checkedAtNanos > INTERVAL.toNanos()) {
      present =
          client.apiextensions().v1().customResourceDefinitions().withName(crdName).get() != null;
      checkedAtNanos = now;
      checked = true;
    }
    return present;
  }
}
