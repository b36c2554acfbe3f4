package dev.keda4j.scalers.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** One GET with auth, extra headers and a timeout; transport failures carry no secret. */
public final class HttpGet {
  private HttpGet() {}

  /**
   * Sends {@code GET url} (auth query parameters appended) and completes with the response of any
   * status; fails with {@link HttpScalerException} when no response came.
   *
   * @param describe how the request is named in errors (no secret in it)
   */
  public static CompletionStage<HttpResponse<Buffer>> send(
      WebClient client,
      String url,
      RequestAuth auth,
      Map<String, String> extraHeaders,
      Duration timeout,
      String describe) {
    String target = withQuery(url, auth.queryParams());
    HttpRequest<Buffer> req = client.getAbs(target).timeout(timeout.toMillis());
    extraHeaders.forEach(req::putHeader);
    auth.headers().forEach(req::putHeader);
    List<String> secrets = new ArrayList<>(auth.secrets());
    return req.send()
        .toCompletionStage()
        .handle(
            (resp, err) -> {
              if (err != null) {
                throw new HttpScalerException(
                    describe
                        + " failed: "
                        + Redaction.redact(
                            err.getMessage() == null
                                ? err.getClass().getSimpleName()
                                : err.getMessage(),
                            secrets));
              }
              return resp;
            });
  }

  /** {@code url} with {@code params} appended to its query, each form-encoded. */
  static String withQuery(String url, Map<String, String> params) {
    if (params.isEmpty()) {
      return url;
    }
    StringBuilder b = new StringBuilder(url);
    char sep = url.indexOf('?') < 0 ? '?' : '&';
    for (Map.Entry<String, String> p : params.entrySet()) {
      b.append(sep)
          .append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return b.toString();
  }
}
