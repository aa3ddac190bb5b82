package io.streampipe.operator.desired;

import io.streampipe.api.KubernetesNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The one naming rule for everything the operator creates for a pipeline. */
public final class Names {

  private Names() {}

  public static String configMap(String pipeline) {
    return pipeline + "-spec";
  }

  public static String checkpointClaim(String pipeline) {
    return pipeline + "-checkpoint";
  }

  public static String sparkApplication(String pipeline) {
    return pipeline;
  }

  /** The Service in front of the Spark driver's metrics port, through which progress is read. */
  public static String driverService(String pipeline) {
    return pipeline + "-driver";
  }

  public static String podMonitor(String pipeline) {
    return pipeline;
  }

  public static String ingestDeployment(String pipeline) {
    return pipeline + "-ingest";
  }

  /**
   * The KafkaTopic resource name for a Kafka topic. A name Kubernetes accepts is kept; any other
   * (users_created) is made DNS-safe and suffixed with a hash of the original, so two topics never
   * share a resource; the real name then travels in spec.topicName.
   */
  public static String kafkaTopic(String topic) {
    if (KubernetesNames.isDnsSubdomain(topic)) {
      return topic;
    }
    String safe = topic.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    safe = safe.replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
    safe = safe.substring(0, Math.min(safe.length(), 200));
    return (safe.isEmpty() ? "topic" : safe) + "-" + shortHash(topic);
  }

  public static boolean isResourceName(String topic) {
    return kafkaTopic(topic).equals(topic);
  }

  static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
