package dev.keda4j.scalers.sql;

/** A failed SQL poll; the message names the cause and never contains the password. */
public final class SqlQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SqlQueryException(String message, Throwable cause) {
    super(message, cause);
  }

  public SqlQueryException(String message) {
    super(message);
  }
}
