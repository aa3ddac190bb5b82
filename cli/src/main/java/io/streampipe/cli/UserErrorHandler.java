package io.streampipe.cli;

import io.streampipe.api.InvalidDocumentException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the failures a user causes (a missing file, bad YAML, a server that does not answer) into
 * one clear line and exit code 2, instead of a stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
  static final int USER_ERROR = 2;

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    if (e instanceof InvalidDocumentException || e instanceof UserException) {
      cmd.getErr().println("error: " + e.getMessage());
      return USER_ERROR;
    }
    throw new IllegalStateException(e);
  }
}
