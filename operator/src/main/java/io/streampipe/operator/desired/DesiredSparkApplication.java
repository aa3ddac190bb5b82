package io.streampipe.operator.desired;

import static io.streampipe.operator.desired.GenericResources.map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.streampipe.api.JobContract;
import io.streampipe.api.v1alpha1.SparkResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Kubeflow SparkApplication running the pipeline-job in cluster mode. */
public final class DesiredSparkApplication {
  public static final String API_VERSION = "sparkoperator.k8s.io/v1beta2";
  public static final String KIND = "SparkApplication";
  public static final String SPARK_UI_PORT_NAME = "spark-ui";
  public static final String SPARK_METRICS_PATH = "/metrics/prometheus/";

  /** The user of the Apache Spark images; the job image keeps it. */
  static final long SPARK_UID = 185;

  private static final String SPEC_VOLUME = "pipeline-spec";
  private static final String CHECKPOINT_VOLUME = "checkpoint";
  private static final String TMP_VOLUME = "tmp";

  private DesiredSparkApplication() {}

  public static GenericKubernetesResource build(ResolvedPipeline pipeline) {
    var processing = pipeline.spec().getProcessing();
    Map<String, Object> spec =
        map(
            "type", "Java",
            "mode", "cluster",
            "image", pipeline.image(),
            "imagePullPolicy", "IfNotPresent",
            "mainClass", JobContract.MAIN_CLASS,
            "mainApplicationFile", pipeline.config().jobApplicationFile(),
            "arguments", List.of("--spec", JobContract.specPath()),
            "sparkVersion", pipeline.config().sparkVersion(),
            // A streaming job never finishes: restart it whatever ended it, with a back-off.
            "restartPolicy",
                map(
                    "type", "Always",
                    "onFailureRetryInterval", 10,
                    "onSubmissionFailureRetryInterval", 30),
            "sparkConf", SparkConf.of(pipeline),
            "volumes", volumes(pipeline),
            "driver", driver(pipeline, processing.getDriver()),
            "executor", executor(pipeline, processing.getExecutor()));
    return GenericResources.of(
        API_VERSION, KIND, pipeline.metadata(Names.sparkApplication(pipeline.name()), "job"), spec);
  }

  private static List<Object> volumes(ResolvedPipeline pipeline) {
    return List.of(
        map("name", SPEC_VOLUME, "configMap", map("name", Names.configMap(pipeline.name()))),
        map(
            "name",
            CHECKPOINT_VOLUME,
            "persistentVolumeClaim",
            map("claimName", Names.checkpointClaim(pipeline.name()))),
        map("name", TMP_VOLUME, "emptyDir", map()));
  }

  private static Map<String, Object> driver(ResolvedPipeline pipeline, SparkResources resources) {
    Map<String, Object> driver = pod(pipeline, resources);
    driver.put("serviceAccount", pipeline.config().jobServiceAccount());
    driver.put(
        "volumeMounts",
        List.of(
            map("name", SPEC_VOLUME, "mountPath", JobContract.SPEC_MOUNT_DIR, "readOnly", true),
            map("name", CHECKPOINT_VOLUME, "mountPath", JobContract.CHECKPOINT_MOUNT_DIR),
            map("name", TMP_VOLUME, "mountPath", "/tmp")));
    int port = pipeline.spec().getMonitoring().getPrometheus().getPort();
    driver.put(
        "ports",
        List.of(
            map("name", JobContract.METRICS_PORT_NAME, "containerPort", port, "protocol", "TCP")));
    return driver;
  }

  private static Map<String, Object> executor(ResolvedPipeline pipeline, SparkResources resources) {
    Map<String, Object> executor = pod(pipeline, resources);
    executor.put("instances", resources.getInstances());
    executor.put("volumeMounts", List.of(map("name", TMP_VOLUME, "mountPath", "/tmp")));
    return executor;
  }

  private static Map<String, Object> pod(ResolvedPipeline pipeline, SparkResources resources) {
    Map<String, Object> pod =
        map(
            "cores", resources.getCores(),
            "memory", resources.getMemory(),
            "labels", Labels.of(pipeline.name(), "job"),
            "env", env(pipeline),
            "podSecurityContext",
                map("runAsNonRoot", true, "runAsUser", SPARK_UID, "fsGroup", SPARK_UID),
            "securityContext",
                map(
                    "runAsNonRoot", true,
                    "runAsUser", SPARK_UID,
                    "allowPrivilegeEscalation", false,
                    "readOnlyRootFilesystem", true,
                    "capabilities", map("drop", List.of("ALL"))));
    return pod;
  }

  private static List<Object> env(ResolvedPipeline pipeline) {
    List<Object> env = new ArrayList<>();
    env.add(
        map(
            "name",
            JobContract.ENV_CHECKPOINT_LOCATION,
            "value",
            JobContract.checkpointLocation(
                pipeline.spec().getProcessing().getCheckpoint().getResetToken())));
    // A new generation changes the application, so the Spark operator resubmits it and the job
    // restarts on its checkpoint with the new document; the job reports the generation it runs.
    if (pipeline.generation() != null) {
      env.add(
          map(
              "name",
              JobContract.ENV_SPEC_GENERATION,
              "value",
              String.valueOf(pipeline.generation())));
    }
    if (pipeline.bootstrapServers() != null) {
      env.add(map("name", JobContract.ENV_BOOTSTRAP_SERVERS, "value", pipeline.bootstrapServers()));
    }
    String secret = pipeline.spec().getSink().getCassandra().getCredentialsSecret();
    if (secret != null) {
      env.add(
          secretEnv(JobContract.ENV_CASSANDRA_USERNAME, secret, JobContract.SECRET_USERNAME_KEY));
      env.add(
          secretEnv(JobContract.ENV_CASSANDRA_PASSWORD, secret, JobContract.SECRET_PASSWORD_KEY));
    }
    var registry = pipeline.spec().getSource().getRegistry();
    if (registry != null && registry.getCredentialsSecret() != null) {
      String login = registry.getCredentialsSecret();
      env.add(secretEnv(JobContract.ENV_REGISTRY_USERNAME, login, JobContract.SECRET_USERNAME_KEY));
      env.add(secretEnv(JobContract.ENV_REGISTRY_PASSWORD, login, JobContract.SECRET_PASSWORD_KEY));
    }
    return env;
  }

  private static Map<String, Object> secretEnv(String variable, String secret, String key) {
    return map("name", variable, "valueFrom", map("secretKeyRef", map("name", secret, "key", key)));
  }
}
