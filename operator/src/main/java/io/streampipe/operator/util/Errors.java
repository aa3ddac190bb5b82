package io.streampipe.operator.util;

/** How the operator reports an exception it catches in a status or event message. */
public final class Errors {
  private Errors() {}

  /**
   * The exception's simple class name and the first line of its message, if it has one; never
   * throws, whatever the message (null, empty or multi-line).
   */
  public static String oneLine(Throwable e) {
    String message =
        e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
    return e.getClass().getSimpleName() + message;
  }
}
