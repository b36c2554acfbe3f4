package dev.keda4j.controller.scaledjob;

import dev.keda4j.controller.k8s.EventRecorder;
import dev.keda4j.controller.k8s.JobsApi;
import dev.keda4j.controller.k8s.StatusWriter;
import dev.keda4j.controller.k8s.TriggerAuthStatus;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.controller.scaling.resolve.TriggerResolver;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What every job loop shares.
 *
 * @param resolver resolves triggers (env, auth) into scaler contexts
 * @param scalers the scaler cache
 * @param poller reads the triggers
 * @param jobs Job and Pod calls
 * @param factory builds Jobs
 * @param events records events
 * @param status writes status
 * @param clock the time of each poll
 * @param writePool runs a poll's Job creates side by side (bounded: its size caps the concurrency)
 * @param metrics where {@code keda_*} metrics go ({@link KedaMetrics#NOOP} for none)
 * @param authStatus keeps {@code status.scaledjobs} of the TriggerAuthentications in use
 */
public record JobLoopServices(
    TriggerResolver resolver,
    ScalerCache scalers,
    TriggerPoller poller,
    JobsApi jobs,
    JobFactory factory,
    EventRecorder events,
    StatusWriter status,
    Clock clock,
    Executor writePool,
    KedaMetrics metrics,
    TriggerAuthStatus authStatus) {}
