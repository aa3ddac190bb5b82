package io.streampipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.v1alpha1.CursorSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageCursorTest {
  private static final RecordSplitter SPLITTER = new RecordSplitter("/results", null, 10_000);

  private static RecordSplitter.Split page(String json) {
    return SPLITTER.split(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theLastRecordsValueGoesIntoTheParameter() {
    CursorSpec spec = new CursorSpec();
    spec.setValuePath("/id");
    spec.setParam("since");
    PageCursor cursor = new PageCursor(URI.create("http://api/users?results=100"), spec, null);

    assertThat(cursor.next()).isEqualTo(URI.create("http://api/users?results=100"));
    assertThat(cursor.advance(page("{\"results\":[{\"id\":1},{\"id\":\"a b\"}]}"))).isTrue();
    assertThat(cursor.next()).isEqualTo(URI.create("http://api/users?results=100&since=a+b"));
    assertThat(cursor.advance(page("{\"results\":[]}"))).isFalse();
    assertThat(cursor.value()).isEqualTo("a b");
  }

  @Test
  void aNextLinkWithoutParameterIsTheNextUrl() {
    CursorSpec spec = new CursorSpec();
    spec.setNextPath("/next");
    PageCursor cursor = new PageCursor(URI.create("http://api/v1/users"), spec, "page/2");

    assertThat(cursor.next()).isEqualTo(URI.create("http://api/v1/page/2"));
    assertThat(cursor.advance(page("{\"results\":[],\"next\":\"/v1/users?page=3\"}"))).isTrue();
    assertThat(cursor.next()).isEqualTo(URI.create("http://api/v1/users?page=3"));
    assertThat(cursor.advance(page("{\"results\":[],\"next\":null}"))).isFalse();
  }

  @Test
  void aNextValueReadDuringTheSplitIsTheOneFollowed() {
    CursorSpec spec = new CursorSpec();
    spec.setNextPath("/next");
    spec.setParam("page");
    PageCursor cursor = new PageCursor(URI.create("http://api/users"), spec, null);
    RecordSplitter splitter = new RecordSplitter("/results", null, 10_000, "/next");

    var split =
        splitter.split("{\"next\":\"2\",\"results\":[{}]}".getBytes(StandardCharsets.UTF_8));

    assertThat(split.cursorRead()).isTrue();
    assertThat(cursor.advance(split)).isTrue();
    assertThat(cursor.next()).isEqualTo(URI.create("http://api/users?page=2"));
  }
}
