package io.streampipe.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads and writes StreamingPipeline YAML documents, with errors a user can act on. */
public final class PipelineDocuments {
  private static final ObjectMapper YAML =
      new ObjectMapper(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PipelineDocuments() {}

  /** Reads a document from a file. */
  public static PipelineDocument read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (NoSuchFileException e) {
      throw new InvalidDocumentException(file + ": no such file");
    } catch (IOException e) {
      throw new InvalidDocumentException(file + ": cannot be read: " + e.getMessage());
    }
  }

  /** Parses a document; {@code origin} names it in error messages. */
  public static PipelineDocument parse(String yaml, String origin) {
    JsonNode root = tree(yaml, origin);
    expect(root, "apiVersion", StreamingPipelines.API_VERSION, origin);
    expect(root, "kind", StreamingPipelines.KIND, origin);
    JsonNode metadata = root.path("metadata");
    String name = metadata.path("name").asText(null);
    if (name == null || name.isBlank()) {
      throw new InvalidDocumentException(origin + ": metadata.name is required");
    }
    if (!root.has("spec") || !root.get("spec").isObject()) {
      throw new InvalidDocumentException(origin + ": spec is required");
    }
    String namespace = metadata.path("namespace").asText(null);
    return new PipelineDocument(name, namespace, spec(root.get("spec"), origin));
  }

  /** A deep copy of a spec, for code that changes one it does not own. */
  public static StreamingPipelineSpec copy(StreamingPipelineSpec spec) {
    return YAML.convertValue(spec, StreamingPipelineSpec.class);
  }

  /** The document as YAML, the form the job reads from its ConfigMap. */
  public static String write(PipelineDocument document) {
    Map<String, Object> metadata = new java.util.LinkedHashMap<>();
    metadata.put("name", document.name());
    if (document.namespace() != null) {
      metadata.put("namespace", document.namespace());
    }
    Map<String, Object> root = new java.util.LinkedHashMap<>();
    root.put("apiVersion", StreamingPipelines.API_VERSION);
    root.put("kind", StreamingPipelines.KIND);
    root.put("metadata", metadata);
    root.put("spec", document.spec());
    try {
      return YAML.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("a spec that cannot be written as YAML", e);
    }
  }

  private static JsonNode tree(String yaml, String origin) {
    try {
      JsonNode root = YAML.readTree(yaml);
      if (root == null || !root.isObject()) {
        throw new InvalidDocumentException(origin + ": not a YAML mapping");
      }
      return root;
    } catch (JacksonException e) {
      throw new InvalidDocumentException(
          origin + where(e.getLocation()) + ": bad YAML: " + e.getOriginalMessage());
    }
  }

  private static StreamingPipelineSpec spec(JsonNode node, String origin) {
    try {
      return YAML.treeToValue(node, StreamingPipelineSpec.class);
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidDocumentException(
          origin + ": " + path(e) + ": unknown field '" + e.getPropertyName() + "'");
    } catch (JacksonException e) {
      throw new InvalidDocumentException(origin + ": " + path(e) + ": " + e.getOriginalMessage());
    }
  }

  private static String path(JacksonException e) {
    if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping)) {
      return "spec";
    }
    return "spec"
        + mapping.getPath().stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining());
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 0 ? "" : ":" + location.getLineNr();
  }

  private static void expect(JsonNode root, String field, String wanted, String origin) {
    String actual = root.path(field).asText(null);
    if (!wanted.equals(actual)) {
      throw new InvalidDocumentException(
          origin + ": " + field + " must be " + wanted + " (found " + actual + ")");
    }
  }
}
