package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.manifest.Manifests;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link FinalizerPolicy#needed}: a finalizer only when deletion has work to do. */
class FinalizerPolicyTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {}                                                                              | false
          {"triggers":[{"type":"redis","metadata":{}}]}                                   | false
          {"advanced":{}}                                                                 | false
          {"advanced":{"restoreToOriginalReplicaCount":false}}                            | false
          {"advanced":{"restoreToOriginalReplicaCount":true}}                             | true
          {"advanced":{"restoreToOriginalReplicaCount":true},"triggers":[{"type":"cpu"}]} | true
          {"triggers":[{"type":"redis","authenticationRef":{"name":"ta"}}]}                | true
          {"triggers":[{"type":"redis","authenticationRef":{"name":"c","kind":"ClusterTriggerAuthentication"}}]} | true
          {"triggers":[{"type":"cpu"},{"type":"redis","authenticationRef":{"name":"ta"}}]} | true
          {"triggers":[{"type":"redis","authenticationRef":{"name":""}}]}                 | false
          {"triggers":[{"type":"redis","authenticationRef":{}}]}                          | false
          """)
  void deletionWithWorkToDoNeedsTheFinalizer(String spec, boolean expected) {
    assertThat(FinalizerPolicy.needed(Manifests.gson().fromJson(spec, ScaledObjectSpec.class)))
        .isEqualTo(expected);
  }

  @Test
  void noSpecNeedsNoFinalizer() {
    assertThat(FinalizerPolicy.needed(null)).isFalse();
  }
}
