package io.streampipe.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Validates custom resources against the {@code openAPIV3Schema} of a CRD file, rejecting fields
 * the schema does not declare: the API server would silently prune them, which hides typos.
 */
final class CrdSchemas {

  private CrdSchemas() {}

  /** The named version's schema, made strict, ready to validate resources with. */
  static JsonSchema load(Path crdFile, String version) {
    JsonNode crd;
    try {
      crd = StrictManifests.YAML.readTree(crdFile.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (JsonNode v : crd.path("spec").path("versions")) {
      if (version.equals(v.path("name").asText())) {
        ObjectNode schema = v.path("schema").path("openAPIV3Schema").deepCopy();
        forbidUndeclaredFields(schema);
        // The API server supplies these for every kind; generated schemas may leave them out.
        ObjectNode properties = schema.with("properties");
        properties.putIfAbsent("apiVersion", schema.objectNode().put("type", "string"));
        properties.putIfAbsent("kind", schema.objectNode().put("type", "string"));
        properties.putIfAbsent("metadata", schema.objectNode().put("type", "object"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
      }
    }
    throw new IllegalArgumentException(crdFile + " serves no version " + version);
  }

  /** Validation errors of a resource; empty when it conforms. */
  static List<String> errors(JsonSchema schema, JsonNode resource) {
    return schema.validate(resource).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  private static void forbidUndeclaredFields(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("properties")
          && !object.has("additionalProperties")
          && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
        object.put("additionalProperties", false);
      }
      for (Map.Entry<String, JsonNode> child : object.properties()) {
        forbidUndeclaredFields(child.getValue());
      }
    } else if (node.isArray()) {
      node.forEach(CrdSchemas::forbidUndeclaredFields);
    }
  }
}
