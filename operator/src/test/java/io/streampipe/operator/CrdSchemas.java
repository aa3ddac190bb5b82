package io.streampipe.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates resources against the openAPIV3Schema of a CRD's served version, closed the way an API
 * server with field validation Strict treats it: an unknown field is an error, not pruned.
 */
public final class CrdSchemas {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private CrdSchemas() {}

  public static JsonSchema load(String crdFile, String version) throws IOException {
    JsonNode crd =
        YAML.readTree(TestPipelines.sharedDir().resolve("crds").resolve(crdFile).toFile());
    return forCrd(crd, version);
  }

  public static JsonSchema load(Path crdFile, String version) throws IOException {
    return forCrd(YAML.readTree(crdFile.toFile()), version);
  }

  private static JsonSchema forCrd(JsonNode crd, String version) {
    for (JsonNode v : crd.path("spec").path("versions")) {
      if (version.equals(v.path("name").asText()) && v.path("served").asBoolean()) {
        JsonNode schema = v.path("schema").path("openAPIV3Schema").deepCopy();
        close(schema);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
      }
    }
    throw new IllegalArgumentException("version " + version + " is not served");
  }

  /** The problems of a resource; empty when it conforms. */
  public static Set<String> problems(JsonSchema schema, HasMetadata resource) throws IOException {
    JsonNode node = JSON.readTree(Serialization.asJson(resource));
    return schema.validate(node).stream()
        .map(ValidationMessage::getMessage)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static void close(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      if (node != null && node.isArray()) {
        node.forEach(CrdSchemas::close);
      }
      return;
    }
    boolean preserve = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    if (object.has("properties") && !object.has("additionalProperties") && !preserve) {
      object.put("additionalProperties", false);
    }
    Iterator<JsonNode> children = object.elements();
    while (children.hasNext()) {
      close(children.next());
    }
  }
}
