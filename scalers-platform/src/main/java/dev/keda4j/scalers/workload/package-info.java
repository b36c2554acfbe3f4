/**
 * The {@code kubernetes-workload} scaler: the number of pods in the scalable object's namespace
 * that match {@code podSelector} and have not finished (phase Succeeded or Failed), listed with
 * client-java's {@code CoreV1Api.listNamespacedPod}. Metric {@code s<i>-workload-<namespace>},
 * target {@code value}, active when the count is above {@code activationValue}.
 *
 * <p><b>Where the Kubernetes client comes from.</b> The {@link
 * dev.keda4j.scalers.spi.ScalerRuntime} carries no Kubernetes client and the SPI module must not
 * depend on one, so the controller hands its {@link io.kubernetes.client.openapi.ApiClient} over
 * once at start-up with {@link dev.keda4j.scalers.workload.KubernetesClientSlot#register}; the slot
 * lives in the runtime's {@code shared()} registry (no static state, one per runtime). Scalers read
 * the slot at every poll; while it is empty a poll fails with {@code no Kubernetes client
 * configured} — never a zero. The list call is blocking and runs on the runtime's blocking pool.
 *
 * <p>The selector is validated at build time with apimachinery's grammar ({@link
 * dev.keda4j.scalers.workload.LabelSelectorParser}) and sent to the API server as written, which
 * evaluates it. Deviation: messages for invalid label keys and values are shortened versions of
 * apimachinery's field errors; structural errors carry apimachinery's exact wording.
 */
package dev.keda4j.scalers.workload;
