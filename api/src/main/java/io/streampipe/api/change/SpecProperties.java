package io.streampipe.api.change;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The spec's properties as the change classifier names them ({@code source.topic.name}, {@code
 * schema.fields[].type}), read from the Java model so a new field cannot go unnoticed.
 */
public final class SpecProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String MODEL_PACKAGE = StreamingPipelineSpec.class.getPackageName();

  private SpecProperties() {}

  /**
   * Every path where a comparison stops: a path in {@code stops}, or a property that holds no
   * nested spec object. Lists of spec objects are walked into as {@code path[]}.
   */
  public static List<String> leaves(Set<String> stops) {
    List<String> paths = new ArrayList<>();
    walk(MAPPER.constructType(StreamingPipelineSpec.class), "", stops, paths);
    return paths;
  }

  private static void walk(JavaType type, String prefix, Set<String> stops, List<String> paths) {
    for (BeanPropertyDefinition property :
        MAPPER.getSerializationConfig().introspect(type).findProperties()) {
      String path = prefix + property.getName();
      JavaType propertyType = property.getPrimaryType();
      JavaType element =
          propertyType.isCollectionLikeType() ? propertyType.getContentType() : propertyType;
      String elementPath = propertyType.isCollectionLikeType() ? path + "[]" : path;
      if (stops.contains(path) || !isModel(element)) {
        paths.add(path);
      } else {
        walk(element, elementPath + ".", stops, paths);
      }
    }
  }

  private static boolean isModel(JavaType type) {
    return !type.isEnumType() && type.getRawClass().getPackageName().equals(MODEL_PACKAGE);
  }
}
