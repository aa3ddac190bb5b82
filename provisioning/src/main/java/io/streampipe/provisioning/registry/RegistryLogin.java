package io.streampipe.provisioning.registry;

/** Basic-authentication credentials for a schema registry; never printed. */
public record RegistryLogin(String username, String password) {

  @Override
  public String toString() {
    return "RegistryLogin[username=" + username + ", password=****]";
  }
}
