package dev.keda4j.controller.scaling.resolve;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test objects. */
final class Fixtures {
  static final String SECRET_VALUE = "s3cr3t-Value-42";

  private Fixtures() {}

  static V1Secret secret(String ns, String name, Map<String, String> data) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    data.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return new V1Secret().metadata(new V1ObjectMeta().namespace(ns).name(name)).data(bytes);
  }

  static V1ConfigMap configMap(String ns, String name, Map<String, String> data) {
    return new V1ConfigMap().metadata(new V1ObjectMeta().namespace(ns).name(name)).data(data);
  }

  static V1PodTemplateSpec template(V1Container... containers) {
    return new V1PodTemplateSpec().spec(new V1PodSpec().containers(List.of(containers)));
  }
}
