package dev.keda4j.api.v1alpha1;

/** Constants of the keda.sh/v1alpha1 API: group, version, kinds, plurals and well-known names. */
public final class KedaApi {
  public static final String GROUP = "keda.sh";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** KEDA v1's API group, refused by keda4j. */
  public static final String LEGACY_GROUP = "keda.k8s.io";

  public static final String SCALED_OBJECT = "ScaledObject";
  public static final String SCALED_JOB = "ScaledJob";
  public static final String TRIGGER_AUTHENTICATION = "TriggerAuthentication";
  public static final String CLUSTER_TRIGGER_AUTHENTICATION = "ClusterTriggerAuthentication";

  public static final String SCALED_OBJECTS = "scaledobjects";
  public static final String SCALED_JOBS = "scaledjobs";
  public static final String TRIGGER_AUTHENTICATIONS = "triggerauthentications";
  public static final String CLUSTER_TRIGGER_AUTHENTICATIONS = "clustertriggerauthentications";

  public static final String FINALIZER = "finalizer.keda.sh";
  public static final String SCALED_OBJECT_NAME_LABEL = "scaledobject.keda.sh/name";
  public static final String SCALED_JOB_NAME_LABEL = "scaledjob.keda.sh/name";

  private KedaApi() {}
}
