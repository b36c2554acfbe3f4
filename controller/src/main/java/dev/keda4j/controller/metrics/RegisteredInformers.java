package dev.keda4j.controller.metrics;

import dev.keda4j.api.v1alpha1.ClusterTriggerAuthentication;
import dev.keda4j.api.v1alpha1.ClusterTriggerAuthenticationList;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledJobList;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectList;
import dev.keda4j.api.v1alpha1.TriggerAuthentication;
import dev.keda4j.api.v1alpha1.TriggerAuthenticationList;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Watches ScaledObjects, ScaledJobs, TriggerAuthentications (in the watched namespaces) and
 * ClusterTriggerAuthentications, and lists them for {@code keda_resource_registered_total} and
 * {@code keda_trigger_registered_total}. Counts fill in as the informers sync; nothing blocks.
 */
public final class RegisteredInformers implements Supplier<List<Registered>>, AutoCloseable {

  private record Watched<T extends KubernetesObject>(
      SharedIndexInformer<T> informer, Function<T, Registered> registered) {
    void addTo(List<Registered> out) {
      for (T object : informer.getIndexer().list()) {
        out.add(registered.apply(object));
      }
    }
  }

  private final SharedInformerFactory factory;
  private final List<Watched<?>> watched = new ArrayList<>();

  private RegisteredInformers(ApiClient client) {
    this.factory = new SharedInformerFactory(client);
  }

  /**
   * @param namespaces the watched namespaces; empty means all
   */
  public static RegisteredInformers start(ApiClient client, List<String> namespaces) {
    RegisteredInformers informers = new RegisteredInformers(client);
    List<String> targets =
        namespaces.isEmpty() ? java.util.Collections.singletonList(null) : namespaces;
    for (String namespace : targets) {
      informers.watch(
          client,
          ScaledObject.class,
          ScaledObjectList.class,
          KedaApi.SCALED_OBJECTS,
          namespace,
          so ->
              new Registered(
                  Registered.SCALED_OBJECT,
                  so.getMetadata().getNamespace(),
                  types(so.getSpec() == null ? null : so.getSpec().getTriggers())));
      informers.watch(
          client,
          ScaledJob.class,
          ScaledJobList.class,
          KedaApi.SCALED_JOBS,
          namespace,
          sj ->
              new Registered(
                  Registered.SCALED_JOB,
                  sj.getMetadata().getNamespace(),
                  types(sj.getSpec() == null ? null : sj.getSpec().getTriggers())));
      informers.watch(
          client,
          TriggerAuthentication.class,
          TriggerAuthenticationList.class,
          KedaApi.TRIGGER_AUTHENTICATIONS,
          namespace,
          ta ->
              new Registered(
                  Registered.TRIGGER_AUTHENTICATION, ta.getMetadata().getNamespace(), List.of()));
    }
    informers.watch(
        client,
        ClusterTriggerAuthentication.class,
        ClusterTriggerAuthenticationList.class,
        KedaApi.CLUSTER_TRIGGER_AUTHENTICATIONS,
        null,
        cta -> new Registered(Registered.CLUSTER_TRIGGER_AUTHENTICATION, null, List.of()));
    informers.factory.startAllRegisteredInformers();
    return informers;
  }

  private static List<String> types(List<ScaleTriggers> triggers) {
    if (triggers == null) {
      return List.of();
    }
    List<String> types = new ArrayList<>();
    for (ScaleTriggers trigger : triggers) {
      if (trigger != null && trigger.getType() != null) {
        types.add(trigger.getType());
      }
    }
    return types;
  }

  private <T extends KubernetesObject, L extends KubernetesListObject> void watch(
      ApiClient client,
      Class<T> type,
      Class<L> listType,
      String plural,
      String namespace,
      Function<T, Registered> registered) {
    GenericKubernetesApi<T, L> api =
        new GenericKubernetesApi<>(type, listType, KedaApi.GROUP, KedaApi.VERSION, plural, client);
    SharedIndexInformer<T> informer =
        namespace == null
            ? factory.sharedIndexInformerFor(api, type, 0)
            : factory.sharedIndexInformerFor(api, type, 0, namespace);
    watched.add(new Watched<>(informer, registered));
  }

  /** True once every informer has listed its objects. */
  public boolean hasSynced() {
    return watched.stream().allMatch(w -> w.informer().hasSynced());
  }

  @Override
  public List<Registered> get() {
    List<Registered> out = new ArrayList<>();
    for (Watched<?> w : watched) {
      w.addTo(out);
    }
    return out;
  }

  @Override
  public void close() {
    factory.stopAllRegisteredInformers();
  }
}
