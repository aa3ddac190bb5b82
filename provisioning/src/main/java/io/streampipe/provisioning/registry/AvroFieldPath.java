package io.streampipe.provisioning.registry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/** The record field an Avro compatibility location ({@code /fields/2/type/1}) points at. */
public final class AvroFieldPath {
  private static final Pattern FIELD = Pattern.compile("/fields/(\\d+)");

  private AvroFieldPath() {}

  /** The name of the field of {@code record} the location starts in, if it starts in one. */
  public static Optional<String> fieldName(String location, Schema record) {
    Matcher at = FIELD.matcher(location);
    if (record.getType() != Schema.Type.RECORD || !at.lookingAt()) {
      return Optional.empty();
    }
    int index = Integer.parseInt(at.group(1));
    return index < record.getFields().size()
        ? Optional.of(record.getFields().get(index).name())
        : Optional.empty();
  }
}
