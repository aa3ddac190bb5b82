package io.streampipe.api.validation;

/**
 * One thing wrong with a spec.
 *
 * @param path the field, as a user would point at it: {@code spec.schema.fields[2].name}
 * @param message what is wrong, in words a user can act on
 */
public record Problem(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
