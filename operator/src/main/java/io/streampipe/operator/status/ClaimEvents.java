package io.streampipe.operator.status;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.streampipe.operator.util.Errors;
import java.util.List;
import java.util.Objects;

/** Reads what the cluster said about a checkpoint claim that does not bind: its Events. */
final class ClaimEvents {
  private ClaimEvents() {}

  static List<String> of(KubernetesClient client, PersistentVolumeClaim claim) {
    var meta = claim.getMetadata();
    try {
      List<Event> events =
          client
              .v1()
              .events()
              .inNamespace(meta.getNamespace())
              .withField("involvedObject.name", meta.getName())
              .list()
              .getItems()
              .stream()
              .filter(e -> "PersistentVolumeClaim".equals(e.getInvolvedObject().getKind()))
              .filter(e -> Objects.equals(meta.getName(), e.getInvolvedObject().getName()))
              .filter(e -> sameUid(meta.getUid(), e.getInvolvedObject().getUid()))
              .toList();
      return ClaimBinding.summary(events);
    } catch (KubernetesClientException e) {
      // The condition still says the claim does not bind; only the explanation is missing.
      return List.of("its events could not be read: " + Errors.oneLine(e));
    }
  }

  private static boolean sameUid(String claim, String event) {
    return claim == null || event == null || claim.equals(event);
  }
}
