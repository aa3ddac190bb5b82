package io.streampipe.operator.progress;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.operator.util.Errors;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/** Reads a job's progress endpoint over HTTP, within a short timeout; never throws. */
public final class ProgressClient {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final HttpClient http;
  private final Duration timeout;

  public ProgressClient(Duration timeout) {
    // The JDK's default executor is an unbounded cached pool (33 threads at 1,000 pipelines); the
    // poller's threads block in send(), and two threads are enough to complete the responses.
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .executor(Executors.newFixedThreadPool(2, ProgressClient::daemon))
            .build();
    this.timeout = timeout;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "progress-http");
    t.setDaemon(true);
    return t;
  }

  public ProgressObservation read(URI url) {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        return ProgressObservation.unreachable(
            url.toString(), "the progress endpoint answered HTTP " + response.statusCode());
      }
      return ProgressObservation.answered(
          url.toString(), JSON.readValue(response.body(), PipelineProgress.class));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProgressObservation.unreachable(url.toString(), "interrupted");
    } catch (IOException | RuntimeException e) {
      return ProgressObservation.unreachable(url.toString(), Errors.oneLine(e));
    }
  }
}
