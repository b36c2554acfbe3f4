package dev.keda4j.scalers.external;

import io.grpc.Status;

/** A failed call to an external scaler; the message names the RPC, the address and the status. */
public final class ExternalScalerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ExternalScalerException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code <rpc> to external scaler <address> failed: <CODE>: <description>}. */
  static ExternalScalerException rpc(String rpc, String address, Throwable t) {
    return new ExternalScalerException(
        rpc + " to external scaler " + address + " failed: " + describe(t), t);
  }

  /** The gRPC status code and description, and the transport cause's message. */
  static String describe(Throwable t) {
    Status s = Status.fromThrowable(t);
    StringBuilder b = new StringBuilder(s.getCode().name());
    if (s.getDescription() != null) {
      b.append(": ").append(s.getDescription());
    }
    if (s.getCause() != null && s.getCause().getMessage() != null) {
      b.append(" (").append(s.getCause().getMessage()).append(')');
    }
    return b.toString();
  }
}
