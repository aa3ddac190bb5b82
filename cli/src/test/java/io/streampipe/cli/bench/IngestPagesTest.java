package io.streampipe.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's page server answers the JDK's HTTP client, page after page, on one connection.
 */
class IngestPagesTest {
  @Test
  void servesEachPageByItsNumberAndAnEmptyOneWhoseCursorStaysPastTheLast() throws Exception {
    List<byte[]> records =
        List.of(utf8("{\"id\":1,\"s\":\"é\"}"), utf8("{\"id\":2}"), utf8("{\"id\":3}"));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (IngestPages pages = new IngestPages(records, 2)) {
      assertThat(get(client, pages.url()))
          .isEqualTo("{\"results\":[{\"id\":1,\"s\":\"é\"},{\"id\":2}],\"next\":\"1\"}");
      assertThat(get(client, pages.url() + "?page=1"))
          .isEqualTo("{\"results\":[{\"id\":3}],\"next\":\"2\"}");
      assertThat(get(client, pages.url() + "?page=2")).isEqualTo("{\"results\":[],\"next\":\"2\"}");
    }
  }

  private static String get(HttpClient client, String url) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    return response.body();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
