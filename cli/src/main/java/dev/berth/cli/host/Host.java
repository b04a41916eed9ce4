package dev.berth.cli.host;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Facts about the machine {@code berth} runs on, and installing Debian packages on it. */
public final class Host {

  private Host() {
  }

  /** Whether this process runs with effective user id 0 (from {@code /proc/self/status}). */
  public static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0");
        }
      }
    } catch (IOException e) {
      // not Linux, or /proc is not mounted: assume not root
    }
    return false;
  }

  /** Whether apt-get installs packages here: a Debian or Ubuntu system with apt-get on the path. */
  public static boolean hasApt(Prerequisites prerequisites) {
    return Files.exists(Path.of("/etc/debian_version")) && prerequisites.program("apt-get") != null;
  }

  /** The command that installs {@code packages}, as a user would type it. */
  public static String aptCommand(List<String> packages) {
    return "apt-get install -y " + String.join(" ", packages);
  }

  /**
   * Installs {@code packages} with apt-get (non-interactively, its output shown), refreshing the
   * package lists first when the install fails for want of them; whether it succeeded.
   */
  public static boolean aptInstall(List<String> packages, PrintStream out) throws IOException, InterruptedException {
    out.println("Installing " + String.join(", ", packages) + ": " + aptCommand(packages));
    if (run(install(packages)) == 0) {
      return true;
    }
    out.println("apt-get install failed; refreshing the package lists (apt-get update) and trying again");
    return run(List.of("apt-get", "update")) == 0 && run(install(packages)) == 0;
  }

  private static List<String> install(List<String> packages) {
    List<String> command = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
    command.addAll(packages);
    return command;
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    return builder.start().waitFor();
  }
}
