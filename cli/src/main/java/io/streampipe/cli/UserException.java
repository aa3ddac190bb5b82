package io.streampipe.cli;

/** A failure the user can fix; its message is shown as is. */
public class UserException extends RuntimeException {
  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
