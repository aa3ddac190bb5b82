package io.streampipe.operator;

import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A topic and a table belong to one pipeline. Two pipelines of a namespace naming one topic would
 * share its KafkaTopic and fight over its settings, and the first deleted with deletionPolicy
 * Delete would delete the other's input; the same holds for a table. The pipeline created first
 * keeps the name; a later one is refused, as an invalid spec is, until it names something else or
 * the first is gone.
 */
public final class NameClaims {
  /** The primary cache's index of pipelines by the names they claim. */
  public static final String INDEX = "by-claimed-name";

  private static final Comparator<StreamingPipeline> CREATION_ORDER =
      Comparator.comparing(
              (StreamingPipeline p) -> p.getMetadata().getCreationTimestamp(),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(p -> p.getMetadata().getName());

  private NameClaims() {}

  /** One name a pipeline claims: where its spec gives it, and its key in {@link #INDEX}. */
  record Claim(String path, String name, String key) {}

  /** The index's keys for a pipeline; none for a spec too broken to say. */
  public static List<String> keys(StreamingPipeline pipeline) {
    try {
      return claims(
              pipeline.getMetadata().getNamespace(), PipelineDefaults.apply(pipeline.getSpec()))
          .stream()
          .map(Claim::key)
          .toList();
    } catch (RuntimeException e) {
      // An indexer that throws would stop the informer; such a spec is refused by validation.
      return List.of();
    }
  }

  /**
   * @param spec the pipeline's spec with its defaults filled in
   */
  static List<Claim> claims(String namespace, StreamingPipelineSpec spec) {
    List<Claim> claims = new ArrayList<>();
    if (spec == null) {
      return claims;
    }
    if (spec.getSource() != null && spec.getSource().getTopic() != null) {
      topic(claims, namespace, "spec.source.topic.name", spec.getSource().getTopic().getName());
    }
    var deadLetter = spec.getQuality() == null ? null : spec.getQuality().getDeadLetter();
    if (deadLetter != null && deadLetter.isEnabled() && deadLetter.getTopic() != null) {
      topic(
          claims, namespace, "spec.quality.deadLetter.topic.name", deadLetter.getTopic().getName());
    }
    var cassandra = spec.getSink() == null ? null : spec.getSink().getCassandra();
    if (cassandra != null && cassandra.getKeyspace() != null && cassandra.getTable() != null) {
      // CQL folds unquoted names to lower case, and the validator allows no others.
      String table =
          (cassandra.getKeyspace().getName() + "." + cassandra.getTable()).toLowerCase(Locale.ROOT);
      claims.add(new Claim("spec.sink.cassandra.table", table, namespace + "/table/" + table));
    }
    return claims;
  }

  /**
   * What an earlier pipeline already holds of the names this one claims.
   *
   * @param spec the pipeline's spec with its defaults filled in
   * @param holders the pipelines claiming an index key
   */
  public static List<Problem> taken(
      StreamingPipeline pipeline,
      StreamingPipelineSpec spec,
      Function<String, List<StreamingPipeline>> holders) {
    List<Problem> problems = new ArrayList<>();
    for (Claim claim : claims(pipeline.getMetadata().getNamespace(), spec)) {
      holders.apply(claim.key()).stream()
          .filter(
              other ->
                  !Objects.equals(other.getMetadata().getUid(), pipeline.getMetadata().getUid()))
          .filter(other -> CREATION_ORDER.compare(other, pipeline) < 0)
          .min(CREATION_ORDER)
          .ifPresent(
              first ->
                  problems.add(
                      new Problem(
                          claim.path(),
                          "'"
                              + claim.name()
                              + "' belongs to pipeline "
                              + first.getMetadata().getName()
                              + ", created first: a topic or table belongs to one pipeline")));
    }
    return problems;
  }

  /** Whether an earlier pipeline holds any name this one claims; false for a spec too broken. */
  public static boolean anyTaken(
      StreamingPipeline pipeline, Function<String, List<StreamingPipeline>> holders) {
    try {
      return !taken(pipeline, PipelineDefaults.apply(pipeline.getSpec()), holders).isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void topic(List<Claim> claims, String namespace, String path, String name) {
    if (name != null) {
      claims.add(new Claim(path, name, namespace + "/topic/" + name));
    }
  }
}
