package dev.berth.cli.host;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loopback ports: whether one is free to listen on, and which process holds a taken one. */
public final class Ports {

  private static final Pattern USER = Pattern.compile("\\(\"([^\"]+)\",pid=(\\d+)");

  private Ports() {
  }

  /** Whether a server could listen on {@code 127.0.0.1:port} now. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A port nothing listens on now, chosen by the kernel. */
  public static int free() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Who listens on TCP {@code port}, e.g. {@code java (pid 1234)}, as {@code ss -ltnp} tells; empty when unknown. */
  public static Optional<String> holder(int port) {
    try {
      Process ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
      String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!ss.waitFor(5, TimeUnit.SECONDS) || ss.exitValue() != 0) {
        return Optional.empty();
      }
      Matcher user = USER.matcher(output);
      if (!user.find()) {
        return Optional.empty();
      }
      long pid = Long.parseLong(user.group(2));
      String command = ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse(user.group(1));
      return Optional.of("pid " + pid + ": " + abbreviate(command));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Why {@code port} cannot be used, for an error message. */
  public static String describeTaken(int port) {
    return "port " + port + " on 127.0.0.1 is taken" + holder(port).map(h -> " by " + h).orElse(" by another process");
  }

  private static String abbreviate(String command) {
    return command.length() <= 160 ? command : command.substring(0, 157) + "...";
  }
}
