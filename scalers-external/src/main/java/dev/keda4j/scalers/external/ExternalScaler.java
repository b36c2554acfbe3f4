package dev.keda4j.scalers.external;

import dev.keda4j.scalers.common.RefCountedPool;
import dev.keda4j.scalers.external.proto.ExternalScalerGrpc;
import dev.keda4j.scalers.external.proto.GetMetricSpecResponse;
import dev.keda4j.scalers.external.proto.GetMetricsRequest;
import dev.keda4j.scalers.external.proto.GetMetricsResponse;
import dev.keda4j.scalers.external.proto.IsActiveResponse;
import dev.keda4j.scalers.external.proto.ScaledObjectRef;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code external} scaler: a client of a user's gRPC server speaking KEDA's {@code
 * externalscaler.proto} (scalers.md §3.15).
 *
 * <p>Metric specs. KEDA calls {@code GetMetricSpec} every time it builds the HPA; our SPI's {@link
 * #metricSpecs()} does no I/O. So the provider calls {@code GetMetricSpec} once while building the
 * scaler, with the trigger's HTTP timeout as deadline, and a failure (or an empty answer) fails the
 * build, which the scaler cache retries like KEDA's "got empty metric spec". Each poll asks again
 * alongside {@code GetMetrics}; a non-empty answer replaces the cached specs (picked up the next
 * time the HPA is built), a failed one keeps them — the poll fails on {@code GetMetrics}/{@code
 * IsActive} anyway when the server is down.
 *
 * <p>Polls: {@code GetMetrics{ref, name without s<i>-}} then {@code IsActive(ref)}, each with the
 * trigger's timeout as deadline. Any RPC error (UNAVAILABLE, DEADLINE_EXCEEDED, ...) fails the
 * poll; it is never read as 0 or inactive.
 */
public class ExternalScaler implements Scaler {
  private static final Logger LOG = LoggerFactory.getLogger(ExternalScaler.class);

  /** The trigger's {@code namespace/name} for log lines. */
  protected final String objectKey;

  protected final String address;
  protected final ScaledObjectRef ref;
  protected final ExternalScalerGrpc.ExternalScalerStub stub;
  private final RefCountedPool<ChannelKey, ManagedChannel>.Lease lease;
  private final int triggerIndex;
  private final MetricTargetType targetType;
  private final Duration timeout;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile List<MetricSpec> specs;

  ExternalScaler(
      ScalerContext ctx,
      String address,
      RefCountedPool<ChannelKey, ManagedChannel>.Lease lease,
      List<MetricSpec> initialSpecs) {
    this.objectKey = ctx.namespace() + "/" + ctx.name();
    this.address = address;
    this.lease = lease;
    this.stub = ExternalScalerGrpc.newStub(lease.value());
    this.ref = ref(ctx);
    this.triggerIndex = ctx.triggerIndex();
    this.targetType = ctx.externalTargetType();
    this.timeout = ctx.globalHttpTimeout();
    this.specs = List.copyOf(initialSpecs);
  }

  static ScaledObjectRef ref(ScalerContext ctx) {
    return ScaledObjectRef.newBuilder()
        .setName(ctx.name())
        .setNamespace(ctx.namespace())
        .putAllScalerMetadata(ScalerMetadata.forward(ctx))
        .build();
  }

  /**
   * One {@code GetMetricSpec} call, blocking up to {@code timeout} (used at build time).
   *
   * @throws StatusRuntimeException on any RPC failure
   */
  static GetMetricSpecResponse fetchSpecs(
      ManagedChannel channel, ScaledObjectRef ref, Duration timeout) {
    return ExternalScalerGrpc.newBlockingStub(channel)
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .getMetricSpec(ref);
  }

  @Override
  public List<MetricSpec> metricSpecs() {
    return specs;
  }

  @Override
  public CompletionStage<ScalerResult> poll(String metricName) {
    String name;
    try {
      name = MetricSpecs.stripPrefix(metricName, triggerIndex);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    refreshSpecs();
    GetMetricsRequest req =
        GetMetricsRequest.newBuilder().setScaledObjectRef(ref).setMetricName(name).build();
    CompletableFuture<GetMetricsResponse> metrics =
        unary((s, o) -> s.getMetrics(req, o), "GetMetrics");
    return metrics.thenCompose(
        m ->
            this.<IsActiveResponse>unary((s, o) -> s.isActive(ref, o), "IsActive")
                .thenApply(
                    a -> new ScalerResult(MetricSpecs.values(m, metricName), a.getResult())));
  }

  private void refreshSpecs() {
    this.<GetMetricSpecResponse>unary((s, o) -> s.getMetricSpec(ref, o), "GetMetricSpec")
        .whenComplete(
            (r, e) -> {
              if (r != null && r.getMetricSpecsCount() > 0) {
                specs = MetricSpecs.convert(r, triggerIndex, targetType);
              } else if (e != null) {
                LOG.debug("{}: GetMetricSpec refresh failed: {}", objectKey, e.getMessage());
              }
            });
  }

  /** One unary call with the trigger's deadline; fails with {@link ExternalScalerException}. */
  private <T> CompletableFuture<T> unary(
      BiConsumer<ExternalScalerGrpc.ExternalScalerStub, StreamObserver<T>> call, String rpc) {
    CompletableFuture<T> f = new CompletableFuture<>();
    if (closed.get()) {
      f.completeExceptionally(new IllegalStateException("external scaler is closed"));
      return f;
    }
    call.accept(
        stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS),
        new StreamObserver<T>() {
          @Override
          public void onNext(T value) {
            f.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            f.completeExceptionally(ExternalScalerException.rpc(rpc, address, t));
          }

          @Override
          public void onCompleted() {
            if (!f.isDone()) {
              f.completeExceptionally(
                  new ExternalScalerException(
                      rpc + " to external scaler " + address + " returned no response", null));
            }
          }
        });
    return f;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      lease.close();
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + objectKey + ", " + address + "]";
  }
}
