package dev.keda4j.scalers.external;

import dev.keda4j.scalers.external.proto.ExternalScalerGrpc;
import dev.keda4j.scalers.external.proto.GetMetricSpecResponse;
import dev.keda4j.scalers.external.proto.GetMetricsRequest;
import dev.keda4j.scalers.external.proto.GetMetricsResponse;
import dev.keda4j.scalers.external.proto.IsActiveResponse;
import dev.keda4j.scalers.external.proto.MetricSpec;
import dev.keda4j.scalers.external.proto.MetricValue;
import dev.keda4j.scalers.external.proto.ScaledObjectRef;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real gRPC external scaler on a loopback port, answering what the test sets and recording what
 * it was sent.
 */
final class TestExternalServer implements AutoCloseable {
  volatile double metricValue = 7;
  volatile long metricValueInt;
  volatile boolean active = true;
  volatile long delayMillis;
  volatile Status failWith;
  volatile List<MetricSpec> specs =
      List.of(MetricSpec.newBuilder().setMetricName("queue-depth").setTargetSize(10).build());

  final List<ScaledObjectRef> refs = new CopyOnWriteArrayList<>();
  final List<GetMetricsRequest> metricRequests = new CopyOnWriteArrayList<>();
  final List<ServerCallStreamObserver<IsActiveResponse>> streams = new CopyOnWriteArrayList<>();
  final AtomicInteger streamsOpened = new AtomicInteger();

  private final Server server;

  TestExternalServer() throws IOException {
    this(InsecureServerCredentials.create());
  }

  TestExternalServer(ServerCredentials creds) throws IOException {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), creds)
            .addService(new Service())
            .build()
            .start();
  }

  int port() {
    return server.getPort();
  }

  String address() {
    return "127.0.0.1:" + port();
  }

  /** Sends {@code value} on every open StreamIsActive stream. */
  void push(boolean value) {
    for (var s : streams) {
      if (!s.isCancelled()) {
        s.onNext(IsActiveResponse.newBuilder().setResult(value).build());
      }
    }
  }

  /** Breaks every open stream with UNAVAILABLE. */
  void breakStreams() {
    for (var s : streams) {
      s.onError(Status.UNAVAILABLE.withDescription("k4j test break").asRuntimeException());
    }
    streams.clear();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  private final class Service extends ExternalScalerGrpc.ExternalScalerImplBase {
    private boolean fail(StreamObserver<?> o) {
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Status s = failWith;
      if (s != null) {
        o.onError(s.asRuntimeException());
        return true;
      }
      return false;
    }

    @Override
    public void isActive(ScaledObjectRef ref, StreamObserver<IsActiveResponse> o) {
      refs.add(ref);
      if (!fail(o)) {
        o.onNext(IsActiveResponse.newBuilder().setResult(active).build());
        o.onCompleted();
      }
    }

    @Override
    public void streamIsActive(ScaledObjectRef ref, StreamObserver<IsActiveResponse> o) {
      refs.add(ref);
      streamsOpened.incrementAndGet();
      streams.add((ServerCallStreamObserver<IsActiveResponse>) o);
    }

    @Override
    public void getMetricSpec(ScaledObjectRef ref, StreamObserver<GetMetricSpecResponse> o) {
      refs.add(ref);
      if (!fail(o)) {
        o.onNext(GetMetricSpecResponse.newBuilder().addAllMetricSpecs(specs).build());
        o.onCompleted();
      }
    }

    @Override
    public void getMetrics(GetMetricsRequest req, StreamObserver<GetMetricsResponse> o) {
      metricRequests.add(req);
      if (!fail(o)) {
        o.onNext(
            GetMetricsResponse.newBuilder()
                .addMetricValues(
                    MetricValue.newBuilder()
                        .setMetricName(req.getMetricName())
                        .setMetricValue(metricValueInt)
                        .setMetricValueFloat(metricValue))
                .build());
        o.onCompleted();
      }
    }
  }
}
