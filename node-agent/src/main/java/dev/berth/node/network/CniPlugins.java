package dev.berth.node.network;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs CNI plugins as the
 * <a href="https://github.com/containernetworking/cni/blob/main/SPEC.md#section-2-execution-protocol">execution
 * protocol</a> prescribes: the binary named by the configuration's {@code type} from the plugin directory, the
 * parameters in {@code CNI_*} environment variables, the network configuration on stdin, the result or the
 * <a href="https://github.com/containernetworking/cni/blob/main/SPEC.md#error">error</a> as JSON on stdout.
 */
final class CniPlugins {

  /** The interface name inside the container's namespace. */
  static final String INTERFACE = "eth0";

  private final Path pluginDir;
  private final Duration timeout;
  private final JsonMapper json;

  CniPlugins(Path pluginDir, Duration timeout, JsonMapper json) {
    this.pluginDir = pluginDir;
    this.timeout = timeout;
    this.json = json;
  }

  /** ADD: attaches the container's namespace and returns the plugin's result. */
  JsonNode add(ObjectNode config, String containerId, Path namespace) throws IOException {
    return json.readTree(run("ADD", config, containerId, namespace));
  }

  /**
   * DEL: releases what ADD set up. Without a namespace only the IPAM allocation is released; the
   * result of the ADD, when known, goes along as {@code prevResult}.
   */
  void del(ObjectNode config, JsonNode addResult, String containerId, Path namespace) throws IOException {
    run("DEL", withPreviousResult(config, addResult), containerId, namespace);
  }

  /** CHECK: verifies that what ADD set up is still in place; fails with the plugin's error otherwise. */
  void check(ObjectNode config, JsonNode addResult, String containerId, Path namespace) throws IOException {
    run("CHECK", withPreviousResult(config, addResult), containerId, namespace);
  }

  /** VERSION: the CNI specification versions the plugin {@code type} supports. */
  List<String> supportedVersions(String type) throws IOException {
    ObjectNode config = json.createObjectNode().put("cniVersion", "1.0.0").put("type", type);
    List<String> versions = new ArrayList<>();
    json.readTree(run("VERSION", config, "", null)).path("supportedVersions")
        .forEach(version -> versions.add(version.asString()));
    return versions;
  }

  private ObjectNode withPreviousResult(ObjectNode config, JsonNode addResult) {
    ObjectNode copy = config.deepCopy();
    if (addResult != null) {
      copy.set("prevResult", addResult);
    }
    return copy;
  }

  private byte[] run(String command, ObjectNode config, String containerId, Path namespace) throws IOException {
    String type = config.path("type").asString();
    ProcessBuilder builder = new ProcessBuilder(pluginDir.resolve(type).toString());
    Map<String, String> environment = builder.environment();
    environment.keySet().retainAll(List.of("PATH"));
    environment.put("CNI_COMMAND", command);
    environment.put("CNI_CONTAINERID", containerId);
    environment.put("CNI_NETNS", namespace == null ? "" : namespace.toString());
    environment.put("CNI_IFNAME", INTERFACE);
    environment.put("CNI_PATH", pluginDir.toString());
    Process process = builder.start();
    CompletableFuture<Process> deadline = process.onExit().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((exited, timedOut) -> {
          if (timedOut != null) {
            process.destroyForcibly();
          }
        });
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(json.writeValueAsBytes(config));
    } catch (IOException e) {
      // the plugin closed its stdin without reading it all (VERSION may, a crashing plugin does): its exit
      // status and output tell the outcome
    }
    byte[] stdout = process.getInputStream().readAllBytes();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int exitCode;
    try {
      exitCode = process.waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while CNI " + type + " " + command + " ran");
    }
    if (deadline.isCompletedExceptionally()) {
      throw new CniException("CNI " + type + " " + command + " for container '" + containerId
          + "' was killed after " + timeout);
    }
    if (exitCode != 0) {
      throw new CniException("CNI " + type + " " + command + " for container '" + containerId + "' failed: "
          + error(stdout, stderr, exitCode));
    }
    return stdout;
  }

  private String error(byte[] stdout, String stderr, int exitCode) {
    try {
      JsonNode error = json.readTree(stdout);
      String message = error.path("msg").asString("");
      String details = error.path("details").asString("");
      if (!message.isEmpty()) {
        return message + (details.isEmpty() ? "" : ": " + details) + " (code " + error.path("code").asInt() + ")";
      }
    } catch (JacksonException notJson) {
      // a plugin that crashed writes no JSON error: its output below says what happened
    }
    String output = (new String(stdout, StandardCharsets.UTF_8).strip() + " " + stderr).strip();
    return (output.isEmpty() ? "no output" : output) + " (exit " + exitCode + ")";
  }
}
