package io.streampipe.provisioning.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.Schema;

/**
 * What registering a pipeline's schema under its subject would do, decided before anything is
 * applied, like the table's {@link io.streampipe.provisioning.SchemaChange}.
 *
 * @param schema the schema the spec derives (Avro JSON)
 * @param latest the subject's latest version; empty when the subject has none
 * @param refused one sentence per field the registry refuses; empty unless {@code REFUSED}
 */
public record SubjectChange(
    Action action,
    String subject,
    String schema,
    Optional<RegisteredSchema> latest,
    List<String> refused) {

  /** What is done with the subject. */
  public enum Action {
    /** The subject has no version: register the schema and set BACKWARD. */
    REGISTER,
    /** The latest version is the schema: nothing to do. */
    UNCHANGED,
    /** The schema differs and the registry accepts it: register it as the next version. */
    NEW_VERSION,
    /** The registry would refuse the schema: nothing is applied. */
    REFUSED
  }

  public SubjectChange {
    refused = List.copyOf(refused);
  }

  /**
   * @param check asks whether the subject accepts a schema as its next version; called only when
   *     the schema differs from the latest version
   */
  public static SubjectChange decide(
      String subject,
      String schema,
      Optional<RegisteredSchema> latest,
      Function<String, Compatibility> check) {
    if (latest.isEmpty()) {
      return new SubjectChange(Action.REGISTER, subject, schema, latest, List.of());
    }
    if (same(latest.get().schema(), schema)) {
      return new SubjectChange(Action.UNCHANGED, subject, schema, latest, List.of());
    }
    Compatibility answer = check.apply(schema);
    if (answer.compatible()) {
      return new SubjectChange(Action.NEW_VERSION, subject, schema, latest, List.of());
    }
    List<String> refused = new ArrayList<>(BackwardCheck.problems(latest.get().schema(), schema));
    answer.messages().stream().filter(m -> !refused.contains(m)).forEach(refused::add);
    if (refused.isEmpty()) {
      refused.add("the registry refuses it under the subject's compatibility level");
    }
    return new SubjectChange(Action.REFUSED, subject, schema, latest, refused);
  }

  /**
   * The change between two specs' subjects without a registry, for a plan against a file: the
   * applied spec's schema stands for the latest version and BACKWARD is checked locally.
   */
  public static SubjectChange betweenSpecs(
      Optional<PipelineSubject> applied, PipelineSubject next) {
    Optional<RegisteredSchema> latest =
        applied
            .filter(a -> a.subject().equals(next.subject()))
            .filter(a -> a.url().equals(next.url()))
            .map(a -> new RegisteredSchema(a.subject(), 0, 0, a.schema()));
    return decide(
        next.subject(),
        next.schema(),
        latest,
        schema -> {
          List<String> problems = BackwardCheck.problems(latest.orElseThrow().schema(), schema);
          return new Compatibility(problems.isEmpty(), problems);
        });
  }

  public boolean isRefused() {
    return action == Action.REFUSED;
  }

  /** Whether applying it registers a version. */
  public boolean registers() {
    return action == Action.REGISTER || action == Action.NEW_VERSION;
  }

  /** The change as one line of a plan. */
  public String line() {
    String name = "registry subject " + subject + ": ";
    return name
        + switch (action) {
          case REGISTER ->
              "register the schema as version 1 with " + SubjectRegistrar.COMPATIBILITY;
          case UNCHANGED -> "unchanged (" + version() + ")";
          case NEW_VERSION -> "register a new version, compatible with " + version();
          case REFUSED -> "refused against " + version() + ": " + String.join("; ", refused);
        };
  }

  private String version() {
    int version = latest.orElseThrow().version();
    return version > 0 ? "version " + version : "the applied schema";
  }

  // Parsed, so a registry that reformats what it stores still compares equal.
  private static boolean same(String registered, String schema) {
    return new Schema.Parser().parse(registered).equals(new Schema.Parser().parse(schema));
  }
}
