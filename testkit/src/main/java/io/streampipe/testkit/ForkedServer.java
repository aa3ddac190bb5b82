package io.streampipe.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A server in its own JVM, owning a temporary directory that holds its data and its log. */
public abstract class ForkedServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ForkedServer.class);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
  private static final int LOG_TAIL_LINES = 40;

  private final String name;
  private final Duration startTimeout;
  private final Thread shutdownHook;
  private volatile ServerDirectory directory;
  private volatile Process process;
  private volatile List<String> serverCommand;

  ForkedServer(String name, Duration startTimeout) {
    this.name = name;
    this.startTimeout = startTimeout;
    this.shutdownHook = new Thread(this::stop, "stop-" + name);
  }

  /** Forks the server and returns once it answers a real client request. */
  public abstract ForkedServer start();

  /** Kills the server, waits for it to exit and deletes its directory; safe to call twice. */
  public void stop() {
    Process running = process;
    process = null;
    if (running != null) {
      // The data goes away with the directory, so a graceful shutdown would save nothing.
      running.destroyForcibly();
      awaitExit(running);
    }
    ServerDirectory dir = directory;
    directory = null;
    if (dir != null) {
      dir.delete();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shutdownInProgress) {
      // We are the hook, or the JVM is exiting anyway.
    }
  }

  /**
   * Kills the server's JVM (SIGKILL, as a crash would) and keeps its directory, so {@link
   * #restart()} brings it back on the same data and ports.
   */
  public void kill() {
    Process running = running();
    process = null;
    running.destroyForcibly();
    awaitExit(running);
  }

  /**
   * Freezes the server's JVM (SIGSTOP) with its state in memory: it keeps accepting connections and
   * answers nothing, as a hung or partitioned server. {@link #resume()} thaws it.
   */
  public void pause() {
    signal("STOP");
  }

  /** Thaws the server after {@link #pause()} (SIGCONT). */
  public void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Forks the server again on its directory after {@link #kill()}; returns once it answers. */
  public void restart() {
    if (process != null) {
      throw new IllegalStateException(name + " is running");
    }
    long begin = System.nanoTime();
    try {
      process = fork(serverCommand);
      awaitReady();
    } catch (Exception e) {
      throw new IllegalStateException(
          name + " did not restart: " + e.getMessage() + "\n" + started().logTail(LOG_TAIL_LINES),
          e);
    }
    LOG.info(
        "{} restarted in {} ms (pid {})", name, (System.nanoTime() - begin) / 1_000_000, pid());
  }

  @Override
  public void close() {
    stop();
  }

  /** The process id of the forked JVM, while it runs. */
  public long pid() {
    return running().pid();
  }

  /** Where the forked JVM's output goes; deleted by {@link #stop()}. */
  public Path logFile() {
    return started().log();
  }

  final void startFork() {
    if (directory != null) {
      throw new IllegalStateException(name + " is already started");
    }
    long begin = System.nanoTime();
    ServerDirectory dir = ServerDirectory.create(name);
    directory = dir;
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      process = launch(dir.path());
      awaitReady();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String tail = dir.logTail(LOG_TAIL_LINES);
      stop();
      throw new IllegalStateException(
          String.format(
              "%s did not start on the JDK at %s: %s%n--- end of its log ---%n%s",
              name, ForkJdk.home(), e.getMessage(), tail),
          e);
    }
    LOG.info("{} ready in {} ms (pid {})", name, (System.nanoTime() - begin) / 1_000_000, pid());
  }

  /** Writes the configuration into {@code dir} and forks the server. */
  abstract Process launch(Path dir) throws Exception;

  /** Whether the server answers a real request; exceptions count as "not yet". */
  abstract boolean isReady() throws Exception;

  /** Forks the server's own JVM; {@link #restart()} forks the same command again. */
  final Process fork(List<String> command) throws IOException {
    serverCommand = List.copyOf(command);
    return spawn(command);
  }

  private Process spawn(List<String> command) throws IOException {
    return new ProcessBuilder(command)
        .directory(started().path().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
        .start();
  }

  final void runToCompletion(List<String> command, Duration timeout) throws Exception {
    Process tool = spawn(command);
    if (!tool.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      tool.destroyForcibly();
      throw new IllegalStateException("setup step still running after " + timeout);
    }
    if (tool.exitValue() != 0) {
      throw new IllegalStateException("setup step exited with code " + tool.exitValue());
    }
  }

  final List<String> javaCommand(
      List<String> jvmOptions, ServerClasspath classpath, String mainClass, String... args)
      throws IOException {
    Path guard = started().path().resolve("guard");
    if (!Files.isDirectory(guard)) {
      OrphanGuard.installInto(guard);
    }
    List<String> command = new ArrayList<>();
    command.add(ForkJdk.javaExecutable().toString());
    command.addAll(jvmOptions);
    String fullClasspath = guard + File.pathSeparator + classpath.asArgument();
    command.addAll(List.of("-cp", fullClasspath, OrphanGuard.class.getName(), mainClass));
    command.addAll(List.of(args));
    return command;
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + startTimeout.toNanos();
    Exception lastProblem = null;
    while (true) {
      if (!running().isAlive()) {
        throw new IllegalStateException("its JVM exited with code " + running().exitValue());
      }
      try {
        if (isReady()) {
          return;
        }
      } catch (Exception e) {
        lastProblem = e;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not ready after " + startTimeout, lastProblem);
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
  }

  private Process running() {
    Process running = process;
    if (running == null) {
      throw new IllegalStateException(name + " is not running");
    }
    return running;
  }

  private ServerDirectory started() {
    ServerDirectory dir = directory;
    if (dir == null) {
      throw new IllegalStateException(name + " is not started");
    }
    return dir;
  }

  private static void awaitExit(Process process) {
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
