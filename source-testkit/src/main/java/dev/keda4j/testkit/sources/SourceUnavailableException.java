package dev.keda4j.testkit.sources;

/**
 * Thrown (never a skip) when a fixture cannot reach or start its event source. The message is one
 * line naming the service, the address, the environment variable and the command that starts it.
 */
public final class SourceUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public SourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Builds the one-line failure.
   *
   * @param service e.g. "Redis"
   * @param address where it was looked for
   * @param envVar the variable that points the fixture elsewhere
   * @param startCommand how to start it
   * @param cause what went wrong (its message is appended)
   */
  public static SourceUnavailableException of(
      String service, String address, String envVar, String startCommand, Throwable cause) {
    String why = cause == null ? "" : ": " + oneLine(cause);
    return new SourceUnavailableException(
        service
            + " not reachable at "
            + address
            + " (set "
            + envVar
            + " to use another; start it with: "
            + startCommand
            + ")"
            + why,
        cause);
  }

  static String oneLine(Throwable t) {
    String msg =
        t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    return msg.replace('\n', ' ').replace('\r', ' ');
  }
}
