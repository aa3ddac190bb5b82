package io.streampipe.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs first in every fork: it halts the fork once the JVM that started it is gone, because a
 * shutdown hook cannot run when a test JVM is killed, then it hands over to the server's main.
 */
public final class OrphanGuard {
  private static final String CLASS_FILE = OrphanGuard.class.getSimpleName() + ".class";

  private OrphanGuard() {}

  public static void main(String[] args) throws Throwable {
    ProcessHandle.current()
        .parent()
        .filter(ProcessHandle::isAlive)
        .ifPresentOrElse(parent -> parent.onExit().thenRun(OrphanGuard::halt), OrphanGuard::halt);
    try {
      Class.forName(args[0])
          .getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void halt() {
    Runtime.getRuntime().halt(1);
  }

  /**
   * Copies this one class into {@code dir} and returns the directory to put on the fork's
   * classpath, so the fork never sees the rest of the testkit's (or its user's) classpath.
   */
  static Path installInto(Path dir) throws IOException {
    Path packageDir = dir.resolve(OrphanGuard.class.getPackageName().replace('.', '/'));
    Files.createDirectories(packageDir);
    try (InputStream in = OrphanGuard.class.getResourceAsStream(CLASS_FILE)) {
      Files.copy(in, packageDir.resolve(CLASS_FILE));
    }
    return dir;
  }
}
