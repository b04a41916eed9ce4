package dev.berth.cli.host;

/**
 * One thing the host must have.
 *
 * @param name what is missing, as a user recognizes it (e.g. {@code runc}, {@code CNI plugin bridge})
 * @param where where it was looked for
 * @param debianPackage the Debian and Ubuntu package that provides it
 */
public record Prerequisite(String name, String where, String debianPackage) {

  @Override
  public String toString() {
    return name + " (looked for " + where + "; Debian package " + debianPackage + ")";
  }
}
