package io.streampipe.api;

import java.util.regex.Pattern;

/** Kubernetes' naming rules (RFC 1123), the one copy both the validator and the operator use. */
public final class KubernetesNames {
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile(
          "^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

  private KubernetesNames() {}

  /** A DNS label: most object names of a namespace, e.g. a Strimzi Kafka cluster. */
  public static boolean isDnsLabel(String name) {
    return name != null && DNS_LABEL.matcher(name).matches();
  }

  /** A DNS subdomain: ConfigMaps, Secrets, StorageClasses, custom resources. */
  public static boolean isDnsSubdomain(String name) {
    return name != null && DNS_SUBDOMAIN.matcher(name).matches();
  }
}
