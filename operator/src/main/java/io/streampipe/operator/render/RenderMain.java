package io.streampipe.operator.render;

import io.streampipe.api.InvalidDocumentException;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.operator.OperatorConfig;
import io.streampipe.operator.StreamingPipeline;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code streampipe render -f pipeline.yaml [--namespace ns] [--kafka-cluster name]}: prints what
 * the operator would create for a pipeline, from the same desired-state code, with no cluster.
 */
public final class RenderMain {
  private RenderMain() {}

  public static void main(String[] args) {
    // System.out prints in the locale's charset, ASCII when LANG is unset; specs hold any text.
    System.exit(run(args, utf8(FileDescriptor.out), utf8(FileDescriptor.err)));
  }

  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
  }

  /** Renders and returns the exit code: 0, 1 for an invalid pipeline, 2 for bad usage. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String file = null;
    String namespace = null;
    OperatorConfig config = OperatorConfig.fromEnv(System.getenv());
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "-f", "--file" -> file = value;
        case "-n", "--namespace" -> namespace = value;
        case "--kafka-cluster" -> config = config.withDefaultKafkaCluster(value);
        default -> {
          err.println("unknown argument " + args[i]);
          return usage(err);
        }
      }
      i++;
    }
    if (file == null) {
      return usage(err);
    }
    try {
      PipelineDocument document = PipelineDocuments.read(Path.of(file));
      String ns = namespace != null ? namespace : document.namespace();
      StreamingPipeline pipeline =
          new StreamingPipeline(ns == null ? "default" : ns, document.name(), document.spec());
      return Renderer.render(pipeline, config, out, err);
    } catch (InvalidDocumentException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  private static int usage(PrintStream err) {
    err.println(
        "usage: streampipe render -f pipeline.yaml [--namespace ns] [--kafka-cluster name]");
    return 2;
  }
}
