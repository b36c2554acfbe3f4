package dev.keda4j.scalers.redis;

import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Sends a command and turns every failure into a {@link RedisScalerException}. */
final class RedisCalls {
  private RedisCalls() {}

  /** The response, or a failed stage naming {@code what} (a null reply stays null). */
  static CompletionStage<Response> send(Redis client, Request request, String what) {
    CompletableFuture<Response> out = new CompletableFuture<>();
    try {
      client
          .send(request)
          .onComplete(
              ar -> {
                if (ar.succeeded()) {
                  out.complete(ar.result());
                } else {
                  out.completeExceptionally(
                      new RedisScalerException("redis: reading " + what + " failed", ar.cause()));
                }
              });
    } catch (RuntimeException e) {
      out.completeExceptionally(new RedisScalerException("redis: reading " + what + " failed", e));
    }
    return out;
  }

  static long toLong(Response r, String what) {
    if (r == null) {
      throw new RedisScalerException("redis: empty reply for " + what);
    }
    Long l = r.toLong();
    if (l == null) {
      throw new RedisScalerException("redis: unexpected reply for " + what);
    }
    return l;
  }
}
