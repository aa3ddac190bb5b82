package io.streampipe.operator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes minor version from which each CRD field, schema keyword and CEL function works on
 * a default API server (feature gates at their defaults). Anything not listed is unknown and must
 * be looked up and added before a CRD may use it.
 */
final class KubeFeatures {
  /** apiextensions.k8s.io/v1 is GA from 1.16; everything in it then is older than any minimum. */
  private static final int V1 = 16;

  /** Keys of an x-kubernetes-validations entry. */
  static final Map<String, Integer> VALIDATION_FIELDS =
      Map.of(
          // CustomResourceValidationExpressions: alpha 1.23, beta and on by default from 1.25.
          "rule", 25,
          "message", 25,
          "messageExpression", 27,
          "reason", 28,
          "fieldPath", 28,
          // Alpha (off) in 1.29, on by default from 1.30.
          "optionalOldSelf", 30);

  /** Keywords of a structural openAPIV3Schema. */
  static final Map<String, Integer> SCHEMA_KEYWORDS = schemaKeywords();

  /** Keys of a CRD version entry. */
  static final Map<String, Integer> VERSION_FIELDS =
      Map.of(
          "name", V1,
          "served", V1,
          "storage", V1,
          "deprecated", V1,
          "deprecationWarning", V1,
          "schema", V1,
          "subresources", V1,
          "additionalPrinterColumns", V1,
          // CustomResourceFieldSelectors: beta and on by default from 1.31.
          "selectableFields", 31);

  /**
   * CEL functions and operators as the parser names them without macro expansion. The standard
   * library came with validation rules; the Kubernetes extension libraries (lists, regex, URLs,
   * quantities, IPs, semver…) are not listed: each added version by version and must be checked
   * against the Kubernetes CEL documentation before it is added here.
   */
  static final Map<String, Integer> CEL_FUNCTIONS = celFunctions();

  private KubeFeatures() {}

  static Optional<Integer> since(Map<String, Integer> table, String name) {
    return Optional.ofNullable(table.get(name));
  }

  private static Map<String, Integer> schemaKeywords() {
    Map<String, Integer> keywords = new HashMap<>();
    for (String k :
        Set.of(
            "type",
            "description",
            "title",
            "properties",
            "required",
            "items",
            "enum",
            "pattern",
            "format",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "uniqueItems",
            "multipleOf",
            "minProperties",
            "maxProperties",
            "additionalProperties",
            "nullable",
            "default",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "example",
            "externalDocs",
            "x-kubernetes-preserve-unknown-fields",
            "x-kubernetes-int-or-string",
            "x-kubernetes-embedded-resource",
            "x-kubernetes-list-type",
            "x-kubernetes-list-map-keys")) {
      keywords.put(k, V1);
    }
    keywords.put("x-kubernetes-map-type", 17);
    keywords.put("x-kubernetes-validations", VALIDATION_FIELDS.get("rule"));
    return Map.copyOf(keywords);
  }

  private static Map<String, Integer> celFunctions() {
    int cel = VALIDATION_FIELDS.get("rule");
    Map<String, Integer> functions = new HashMap<>();
    for (String f :
        Set.of(
            "_&&_",
            "_||_",
            "!_",
            "_?_:_",
            "_==_",
            "_!=_",
            "_<_",
            "_<=_",
            "_>_",
            "_>=_",
            "_+_",
            "_-_",
            "_*_",
            "_/_",
            "_%_",
            "-_",
            "_[_]",
            "@in",
            "has",
            "all",
            "exists",
            "exists_one",
            "map",
            "filter",
            "size",
            "matches",
            "startsWith",
            "endsWith",
            "contains",
            "int",
            "uint",
            "double",
            "string",
            "bytes",
            "bool",
            "duration",
            "timestamp",
            "dyn",
            "type")) {
      functions.put(f, cel);
    }
    return Map.copyOf(functions);
  }
}
