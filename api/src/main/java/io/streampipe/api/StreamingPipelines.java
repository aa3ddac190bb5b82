package io.streampipe.api;

/** Coordinates of the StreamingPipeline custom resource. */
public final class StreamingPipelines {
  public static final String GROUP = "streampipe.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "StreamingPipeline";
  public static final String PLURAL = "streamingpipelines";

  private StreamingPipelines() {}
}
