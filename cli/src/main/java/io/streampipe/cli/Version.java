package io.streampipe.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version the jar was built as. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = StreampipeMain.class.getPackage().getImplementationVersion();
    return new String[] {"streampipe " + (version == null ? "(development build)" : version)};
  }
}
