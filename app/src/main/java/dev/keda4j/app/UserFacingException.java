package dev.keda4j.app;

/** A failure whose message alone tells the user what is wrong and what to do. */
public class UserFacingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UserFacingException(String message) {
    super(message);
  }

  public UserFacingException(String message, Throwable cause) {
    super(message, cause);
  }
}
