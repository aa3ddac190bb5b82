package io.streampipe.api;

import java.util.regex.Pattern;

/** Kubernetes' naming rules (RFC 1123), the one copy both the validator and the operator use. */
public final class KubernetesNames {
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
  private static final Pattern DNS_1035_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile(
          "^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

  /** The longest pipeline name: derived names and label values (63) need room for suffixes. */
  public static final int MAX_PIPELINE_NAME = 50;

  private KubernetesNames() {}

  /** A DNS label: most object names of a namespace, e.g. a Strimzi Kafka cluster. */
  public static boolean isDnsLabel(String name) {
    return name != null && DNS_LABEL.matcher(name).matches();
  }

  /**
   * A pipeline's name: it names a Service (which takes only DNS-1035 labels: no dots, no leading
   * digit) and, with suffixes, other parts and label values, hence at most 50 characters.
   */
  public static boolean isPipelineName(String name) {
    return name != null
        && name.length() <= MAX_PIPELINE_NAME
        && DNS_1035_LABEL.matcher(name).matches();
  }

  /** A DNS subdomain: ConfigMaps, Secrets, StorageClasses, custom resources. */
  public static boolean isDnsSubdomain(String name) {
    return name != null && DNS_SUBDOMAIN.matcher(name).matches();
  }
}
