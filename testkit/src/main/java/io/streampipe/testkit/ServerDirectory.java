package io.streampipe.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The temporary directory of one forked server: its configuration, its data and its log. */
record ServerDirectory(Path path) {
  private static final Logger LOG = LoggerFactory.getLogger(ServerDirectory.class);

  static ServerDirectory create(String server) {
    try {
      return new ServerDirectory(Files.createTempDirectory("streampipe-" + server + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path log() {
    return path.resolve("server.log");
  }

  /** The last lines of the log, for an error message; never throws. */
  String logTail(int lines) {
    try {
      // Latin-1 maps every byte, so a log cut inside a UTF-8 sequence still reads.
      List<String> all = List.of(Files.readString(log(), StandardCharsets.ISO_8859_1).split("\\R"));
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | RuntimeException e) {
      return "(no log: " + e + ")";
    }
  }

  void delete() {
    try (Stream<Path> paths = Files.walk(path)) {
      paths.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", path, e.toString());
    }
  }
}
