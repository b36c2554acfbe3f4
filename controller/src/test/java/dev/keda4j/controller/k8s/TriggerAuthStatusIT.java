package dev.keda4j.controller.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.AuthenticationRef;
import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.controller.k8s.TriggerAuthStatus.Kind;
import dev.keda4j.testkit.kube.KubeApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** status.scaledobjects / scaledjobs of (Cluster)TriggerAuthentications against the API fixture. */
class TriggerAuthStatusIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();

  private static List<ScaleTriggers> triggers(AuthenticationRef... refs) {
    List<ScaleTriggers> list = new java.util.ArrayList<>();
    for (AuthenticationRef r : refs) {
      list.add(new ScaleTriggers().type("redis").authenticationRef(r));
    }
    list.add(new ScaleTriggers().type("cron"));
    return list;
  }

  @Test
  void namesAreAddedOnceAndRemovedAndEachKindKeepsItsOwnField() {
    String ns = KUBE.namespace();
    String cta = "cta-" + ns;
    KUBE.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: ta}
        spec:
          secretTargetRef:
            - {parameter: password, name: creds, key: password}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ClusterTriggerAuthentication
        metadata: {name: %s}
        spec:
          secretTargetRef:
            - {parameter: password, name: creds, key: password}
        """
            .formatted(cta));
    KubeObjectLookup lookup = new KubeObjectLookup(KUBE.apiClient());
    TriggerAuthStatus status = new TriggerAuthStatus(lookup, new StatusPatcher(KUBE.apiClient()));
    List<ScaleTriggers> both =
        triggers(
            new AuthenticationRef().name("ta"),
            new AuthenticationRef().name("ta").kind("TriggerAuthentication"),
            new AuthenticationRef().name(cta).kind("ClusterTriggerAuthentication"),
            new AuthenticationRef().name("missing"));

    assertThat(status.register(Kind.SCALED_OBJECT, ns, "so1", both)).isEqualTo(2);
    assertThat(status.register(Kind.SCALED_OBJECT, ns, "so2", both)).isEqualTo(2);
    assertThat(status.register(Kind.SCALED_JOB, ns, "sj1", both)).isEqualTo(2);

    KUBE.stats().reset();
    assertThat(status.register(Kind.SCALED_OBJECT, ns, "so1", both)).isZero();
    assertThat(KUBE.stats().writes()).isZero();

    assertThat(lookup.triggerAuthentication(ns, "ta").orElseThrow().getStatus().getScaledObjects())
        .isEqualTo("so1,so2");
    assertThat(lookup.triggerAuthentication(ns, "ta").orElseThrow().getStatus().getScaledJobs())
        .isEqualTo("sj1");
    assertThat(
            lookup.clusterTriggerAuthentication(cta).orElseThrow().getStatus().getScaledObjects())
        .isEqualTo("so1,so2");

    assertThat(status.unregister(Kind.SCALED_OBJECT, ns, "so1", both)).isEqualTo(2);
    assertThat(lookup.triggerAuthentication(ns, "ta").orElseThrow().getStatus().getScaledObjects())
        .isEqualTo("so2");
    assertThat(status.unregister(Kind.SCALED_OBJECT, ns, "so2", both)).isEqualTo(2);
    assertThat(lookup.triggerAuthentication(ns, "ta").orElseThrow().getStatus().getScaledObjects())
        .isNull();
    assertThat(lookup.triggerAuthentication(ns, "ta").orElseThrow().getStatus().getScaledJobs())
        .isEqualTo("sj1");
    assertThat(status.unregister(Kind.SCALED_OBJECT, ns, "so2", both)).isZero();
  }

  @Test
  void listArithmeticKeepsOrderAndDropsBlanks() {
    assertThat(TriggerAuthStatus.updatedList(null, "a", true)).isEqualTo("a");
    assertThat(TriggerAuthStatus.updatedList("a,b", "a", true)).isEqualTo("a,b");
    assertThat(TriggerAuthStatus.updatedList("b,,a", "c", true)).isEqualTo("b,a,c");
    assertThat(TriggerAuthStatus.updatedList("a,b", "a", false)).isEqualTo("b");
    assertThat(TriggerAuthStatus.updatedList("a", "a", false)).isEmpty();
  }
}
