package io.streampipe.api;

/** A pipeline document that cannot be read; the message says where and why. */
public class InvalidDocumentException extends RuntimeException {
  public InvalidDocumentException(String message) {
    super(message);
  }
}
