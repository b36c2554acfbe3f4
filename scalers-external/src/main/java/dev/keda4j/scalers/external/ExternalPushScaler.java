package dev.keda4j.scalers.external;

import dev.keda4j.scalers.common.RefCountedPool;
import dev.keda4j.scalers.external.proto.IsActiveResponse;
import dev.keda4j.scalers.external.proto.ScaledObjectRef;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.PushScaler;
import dev.keda4j.scalers.spi.ScalerContext;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code external-push} scaler (scalers.md §3.16): polls like {@code external}, and each
 * subscription holds a {@code StreamIsActive} stream open, delivering every value the server sends
 * as soon as it arrives. When the stream ends or breaks it is reopened after a backoff starting at
 * 2 s and doubling to 60 s, reset to 2 s after a clean end of stream or a received message; a
 * broken stream is never reported as inactive. {@code StreamMetricSpec} is not used.
 */
public final class ExternalPushScaler extends ExternalScaler implements PushScaler {
  private static final Logger LOG = LoggerFactory.getLogger(ExternalPushScaler.class);

  /** Reconnect delays. */
  record Backoff(Duration initial, Duration max) {
    static final Backoff KEDA = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60));

    Duration next(Duration current) {
      Duration d = current.multipliedBy(2);
      return d.compareTo(max) > 0 ? max : d;
    }
  }

  private final ScheduledExecutorService scheduler;
  private final Backoff backoff;
  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

  ExternalPushScaler(
      ScalerContext ctx,
      String address,
      RefCountedPool<ChannelKey, ManagedChannel>.Lease lease,
      List<MetricSpec> initialSpecs,
      ScheduledExecutorService scheduler,
      Backoff backoff) {
    super(ctx, address, lease, initialSpecs);
    this.scheduler = scheduler;
    this.backoff = backoff;
  }

  @Override
  public AutoCloseable subscribe(Consumer<Boolean> onActive) {
    Subscription s = new Subscription(Objects.requireNonNull(onActive, "onActive"));
    subscriptions.add(s);
    s.open();
    return s;
  }

  /** Open subscriptions (tests). */
  int subscriptions() {
    return subscriptions.size();
  }

  @Override
  public void close() {
    for (Subscription s : List.copyOf(subscriptions)) {
      s.close();
    }
    super.close();
  }

  /** One {@code StreamIsActive} stream, reopened until closed. */
  private final class Subscription implements AutoCloseable {
    private final Consumer<Boolean> onActive;
    private Duration delay = backoff.initial();
    private ClientCallStreamObserver<ScaledObjectRef> call;
    private ScheduledFuture<?> retry;
    private boolean closed;

    Subscription(Consumer<Boolean> onActive) {
      this.onActive = onActive;
    }

    synchronized void open() {
      if (closed) {
        return;
      }
      stub.streamIsActive(ref, new Observer());
    }

    private synchronized void deliver(boolean active) {
      if (closed) {
        return;
      }
      delay = backoff.initial();
      try {
        onActive.accept(active);
      } catch (RuntimeException e) {
        LOG.warn("{}: external-push subscriber failed: {}", objectKey, e.toString());
      }
    }

    private synchronized void ended(Throwable error) {
      call = null;
      if (closed) {
        return;
      }
      Duration wait = delay;
      if (error == null) {
        delay = backoff.initial();
        wait = delay;
        LOG.info(
            "{}: StreamIsActive from {} ended, reopening in {} ms",
            objectKey,
            address,
            wait.toMillis());
      } else {
        delay = backoff.next(delay);
        LOG.warn(
            "{}: StreamIsActive from {} broke ({}), reopening in {} ms",
            objectKey,
            address,
            ExternalScalerException.describe(error),
            wait.toMillis());
      }
      retry = scheduler.schedule(this::open, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      ClientCallStreamObserver<ScaledObjectRef> c;
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        c = call;
        call = null;
        if (retry != null) {
          retry.cancel(false);
        }
      }
      subscriptions.remove(this);
      if (c != null) {
        c.cancel("subscription closed", null);
      }
    }

    private final class Observer
        implements ClientResponseObserver<ScaledObjectRef, IsActiveResponse> {
      @Override
      public void beforeStart(ClientCallStreamObserver<ScaledObjectRef> requestStream) {
        synchronized (Subscription.this) {
          call = requestStream;
        }
      }

      @Override
      public void onNext(IsActiveResponse value) {
        deliver(value.getResult());
      }

      @Override
      public void onError(Throwable t) {
        ended(t);
      }

      @Override
      public void onCompleted() {
        ended(null);
      }
    }
  }
}
