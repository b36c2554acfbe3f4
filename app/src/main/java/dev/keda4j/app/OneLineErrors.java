package dev.keda4j.app;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure the user can act on into one line on stderr instead of a stack trace; anything
 * unexpected keeps its stack trace, because that is a bug of ours.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

  static final int USER_ERROR = 2;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed)
      throws Exception {
    if (e instanceof UserFacingException) {
      cli.getErr().println("keda4j: " + e.getMessage());
      cli.getErr().flush();
      return USER_ERROR;
    }
    throw e;
  }
}
