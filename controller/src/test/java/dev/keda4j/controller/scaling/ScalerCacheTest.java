package dev.keda4j.controller.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledJobSpec;
import dev.keda4j.controller.scaling.resolve.InMemoryObjectLookup;
import dev.keda4j.controller.scaling.resolve.TriggerResolver;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache with the real registry and redis provider (building opens no connection). */
class ScalerCacheTest {
  private static final String KEY = "ScaledJob ns/sj";
  private final TriggerResolver resolver = TriggerResolver.of(new InMemoryObjectLookup(), "keda");
  private Vertx vertx;
  private ExecutorService blocking;
  private ScalerRuntime runtime;
  private ScalerCache cache;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    blocking = Executors.newSingleThreadExecutor();
    runtime = new ScalerRuntime(vertx, blocking);
    cache = new ScalerCache(ScalerRegistry.load(), runtime);
  }

  @AfterEach
  void stop() throws Exception {
    cache.close();
    runtime.close();
    blocking.shutdownNow();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void reusesAScalerWhileItsTriggerIsUnchangedAndRebuildsWhenItChanges() {
    List<TriggerScaler> first = cache.scalers(KEY, resolver.resolve(sj("1", "redis")));
    List<TriggerScaler> same = cache.scalers(KEY, resolver.resolve(sj("1", "redis")));
    List<TriggerScaler> changed = cache.scalers(KEY, resolver.resolve(sj("5", "redis")));
    Scaler a = first.get(0).scaler().orElseThrow();
    assertThat(same.get(0).scaler()).containsSame(a);
    assertThat(changed.get(0).scaler().orElseThrow()).isNotSameAs(a);
    assertThat(cache.rebuild(KEY, 0).scaler().orElseThrow())
        .isNotSameAs(changed.get(0).scaler().orElseThrow());
  }

  @Test
  void aTriggerThatDoesNotBuildComesBackWithItsErrorAndNoSecret() {
    List<TriggerScaler> s = cache.scalers(KEY, resolver.resolve(sj("1", "no-such-scaler")));
    assertThat(s.get(0).scaler()).isEmpty();
    assertThat(s.get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("no-such-scaler"));
  }

  @Test
  void removeClosesAndForgetsTheObject() {
    cache.scalers(KEY, resolver.resolve(sj("1", "redis")));
    assertThat(cache.current(KEY)).hasSize(1);
    cache.remove(KEY);
    assertThat(cache.current(KEY)).isEmpty();
  }

  private static ScaledJob sj(String listLength, String type) {
    return new ScaledJob()
        .metadata(new V1ObjectMeta().name("sj").namespace("ns"))
        .spec(
            new ScaledJobSpec()
                .triggers(
                    List.of(
                        new ScaleTriggers()
                            .type(type)
                            .metadata(
                                Map.of(
                                    "address", "127.0.0.1:6379",
                                    "listName", "q",
                                    "listLength", listLength)))));
  }
}
