package dev.berth.node.bundle;

import dev.berth.node.api.ContainerSpec;
import dev.berth.oci.ImageConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker's rules for a container's command line and environment from its image and its spec.
 */
public final class ProcessDefaults {

  /** The PATH a container gets when neither image nor spec sets one. */
  public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private ProcessDefaults() {
  }

  /**
   * The process arguments: the spec's entrypoint or else the image's, followed by the spec's cmd or
   * else the image's — except that an entrypoint given in the spec drops the image's cmd.
   *
   * @throws IllegalArgumentException when both are empty
   */
  public static List<String> args(ContainerSpec spec, ImageConfig.Config image) {
    List<String> entrypoint = spec.entrypoint() != null ? spec.entrypoint() : listOrEmpty(image, true);
    List<String> cmd = spec.cmd() != null
        ? spec.cmd()
        : spec.entrypoint() != null ? List.of() : listOrEmpty(image, false);
    List<String> args = new ArrayList<>(entrypoint);
    args.addAll(cmd);
    if (args.isEmpty()) {
      throw new IllegalArgumentException("container " + spec.id() + ": no command specified");
    }
    return List.copyOf(args);
  }

  /**
   * The environment: PATH (default), HOSTNAME and, on a terminal, TERM=xterm, then the image's
   * entries, then {@code overrides} in order, each replacing an entry with the same key; an
   * override without {@code =} removes its key (Docker's {@code ReplaceOrAppendEnvValues}).
   */
  public static List<String> env(String hostname, boolean tty, List<String> imageEnv, List<List<String>> overrides) {
    Map<String, String> env = new LinkedHashMap<>();
    put(env, "PATH=" + DEFAULT_PATH);
    put(env, "HOSTNAME=" + hostname);
    if (tty) {
      put(env, "TERM=xterm");
    }
    if (imageEnv != null) {
      imageEnv.forEach(entry -> put(env, entry));
    }
    for (List<String> layer : overrides) {
      if (layer != null) {
        layer.forEach(entry -> put(env, entry));
      }
    }
    return List.copyOf(env.values());
  }

  /** {@code env} with {@code HOME=home} added when it has no HOME. */
  public static List<String> withHome(List<String> env, String home) {
    if (env.stream().anyMatch(entry -> entry.startsWith("HOME="))) {
      return env;
    }
    List<String> result = new ArrayList<>(env);
    result.add("HOME=" + home);
    return List.copyOf(result);
  }

  private static void put(Map<String, String> env, String entry) {
    int equals = entry.indexOf('=');
    if (equals < 0) {
      env.remove(entry);
    } else {
      env.put(entry.substring(0, equals), entry);
    }
  }

  private static List<String> listOrEmpty(ImageConfig.Config image, boolean entrypoint) {
    if (image == null) {
      return List.of();
    }
    List<String> value = entrypoint ? image.entrypoint() : image.cmd();
    return value == null ? List.of() : value;
  }
}
