package io.streampipe.api.change;

/**
 * One changed spec property.
 *
 * @param path where, e.g. {@code source.topic.name} or {@code schema.fields[amount].type}
 * @param changeClass what the change does
 * @param reason why it has that class, for a user
 */
public record FieldChange(String path, ChangeClass changeClass, String reason) {

  @Override
  public String toString() {
    return path + ": " + changeClass + " (" + reason + ")";
  }
}
