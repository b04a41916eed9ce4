package dev.berth.image.importer;

import dev.berth.image.ImageException;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.OciJson;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * Docker's {@code --change} instructions: the Dockerfile instructions that only set configuration
 * ({@code CMD}, {@code ENTRYPOINT}, {@code ENV}, {@code EXPOSE}, {@code LABEL}, {@code STOPSIGNAL},
 * {@code USER}, {@code VOLUME}, {@code WORKDIR}), applied in order as the builder applies them
 * (<a href="https://docs.docker.com/reference/dockerfile/">Dockerfile reference</a>). One change
 * may hold several instructions, a line each, with backslash continuations and {@code #} comments.
 */
final class ConfigChanges {

  private static final List<String> SUPPORTED =
      List.of("CMD", "ENTRYPOINT", "ENV", "EXPOSE", "LABEL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");
  private static final Pattern PORT = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?(?:/([A-Za-z]+))?");
  private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");
  private static final Pattern SIGNAL_NUMBER = Pattern.compile("[1-9][0-9]?");
  private static final Pattern REALTIME_SIGNAL =
      Pattern.compile("RTMIN(?:\\+(?:[1-9]|1[0-5]))?|RTMAX(?:-(?:[1-9]|1[0-4]))?");
  private static final Set<String> SIGNALS = Set.of("ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL",
      "INT", "IO", "IOT", "KILL", "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM",
      "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ");

  private final List<String> env = new ArrayList<>();
  private final Map<String, Object> exposedPorts = new TreeMap<>();
  private final Map<String, Object> volumes = new TreeMap<>();
  private final Map<String, String> labels = new TreeMap<>();
  private List<String> entrypoint;
  private List<String> cmd;
  private String user;
  private String workingDir;
  private String stopSignal;

  private ConfigChanges() {
  }

  /**
   * The configuration an image made from scratch gets from {@code changes}.
   *
   * @throws ImageException.InvalidArgument naming the change at fault
   */
  static ImageConfig.Config parse(List<String> changes) {
    ConfigChanges config = new ConfigChanges();
    for (String instruction : instructions(changes == null ? List.of() : changes)) {
      try {
        config.apply(instruction);
      } catch (IllegalArgumentException e) {
        throw new ImageException.InvalidArgument("invalid change \"" + instruction + "\": " + e.getMessage(), e);
      }
    }
    return config.build();
  }

  private static List<String> instructions(List<String> changes) {
    List<String> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : String.join("\n", changes).split("\r?\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String kept = pending.isEmpty() ? trimmed : line.stripTrailing();
      if (kept.endsWith("\\")) {
        pending.append(kept, 0, kept.length() - 1);
        continue;
      }
      pending.append(kept);
      instructions.add(pending.toString());
      pending.setLength(0);
    }
    if (!pending.isEmpty()) {
      instructions.add(pending.toString());
    }
    return instructions;
  }

  private void apply(String instruction) {
    String[] parts = instruction.split("\\s+", 2);
    String keyword = parts[0].toUpperCase(Locale.ROOT);
    String arguments = parts.length > 1 ? parts[1].strip() : "";
    if (!SUPPORTED.contains(keyword)) {
      throw new IllegalArgumentException(keyword + " is not supported; --change takes "
          + String.join(", ", SUPPORTED));
    }
    if (arguments.isEmpty()) {
      throw new IllegalArgumentException(keyword + " requires at least one argument");
    }
    Map<String, String> vars = environment();
    switch (keyword) {
      case "CMD" -> cmd = command(arguments);
      case "ENTRYPOINT" -> entrypoint = command(arguments);
      case "ENV" -> nameValues(keyword, arguments, vars).forEach(this::setEnv);
      case "LABEL" -> labels.putAll(nameValues(keyword, arguments, vars));
      case "EXPOSE" -> ShellWords.split(arguments, vars).forEach(this::expose);
      case "USER" -> user = nonEmpty(ShellWords.word(arguments, vars), "user");
      case "VOLUME" -> {
        List<String> paths = jsonArray(arguments);
        for (String path : paths != null ? paths : ShellWords.split(arguments, vars)) {
          volumes.put(nonEmpty(path.strip(), "volume"), Map.of());
        }
      }
      case "WORKDIR" -> workingDir = clean(ShellWords.word(arguments, vars));
      case "STOPSIGNAL" -> stopSignal = signal(ShellWords.word(arguments, vars));
    }
  }

  /** The exec (JSON array) form as is; the shell form run by {@code /bin/sh -c}. */
  private static List<String> command(String arguments) {
    List<String> exec = jsonArray(arguments);
    return exec != null ? exec : List.of("/bin/sh", "-c", arguments);
  }

  /** {@code arguments} as a JSON array of strings, or null when it is not one (then it is shell form). */
  private static List<String> jsonArray(String arguments) {
    if (!arguments.startsWith("[")) {
      return null;
    }
    try {
      String[] values = OciJson.mapper().readValue(arguments, String[].class);
      return values == null || Arrays.asList(values).contains(null) ? null : List.of(values);
    } catch (JacksonException e) {
      return null;
    }
  }

  /** {@code name=value ...}, or the legacy {@code name value} with the rest of the line as the value. */
  private static Map<String, String> nameValues(String keyword, String arguments, Map<String, String> vars) {
    List<String> words = ShellWords.splitRaw(arguments);
    Map<String, String> pairs = new LinkedHashMap<>();
    if (!words.getFirst().contains("=")) {
      String value = arguments.substring(words.getFirst().length()).strip();
      if (value.isEmpty()) {
        throw new IllegalArgumentException(keyword + " must have two arguments");
      }
      pairs.put(name(keyword, ShellWords.word(words.getFirst(), vars)), ShellWords.word(value, vars));
      return pairs;
    }
    for (String word : words) {
      int equals = word.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException("can't find = in \"" + word + "\"; must be of the form name=value");
      }
      pairs.put(name(keyword, ShellWords.word(word.substring(0, equals), vars)),
          ShellWords.word(word.substring(equals + 1), vars));
    }
    return pairs;
  }

  private static String name(String keyword, String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException(keyword + " names can not be blank");
    }
    return name;
  }

  private Map<String, String> environment() {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String entry : env) {
      int equals = entry.indexOf('=');
      vars.put(entry.substring(0, equals), entry.substring(equals + 1));
    }
    return vars;
  }

  private void setEnv(String name, String value) {
    String entry = name + "=" + value;
    for (int i = 0; i < env.size(); i++) {
      if (env.get(i).startsWith(name + "=")) {
        env.set(i, entry);
        return;
      }
    }
    env.add(entry);
  }

  private void expose(String spec) {
    Matcher m = PORT.matcher(spec);
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid port \"" + spec + "\": expected PORT[-PORT][/PROTOCOL]");
    }
    int first = port(m.group(1), spec);
    int last = m.group(2) == null ? first : port(m.group(2), spec);
    String protocol = m.group(3) == null ? "tcp" : m.group(3).toLowerCase(Locale.ROOT);
    if (last < first || !PROTOCOLS.contains(protocol)) {
      throw new IllegalArgumentException("invalid port \"" + spec + "\": expected PORT[-PORT][/tcp|udp|sctp]");
    }
    for (int port = first; port <= last; port++) {
      exposedPorts.put(port + "/" + protocol, Map.of());
    }
  }

  private static int port(String digits, String spec) {
    int port = Integer.parseInt(digits);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("invalid port \"" + spec + "\": ports go from 1 to 65535");
    }
    return port;
  }

  /** Docker's WORKDIR: relative to the previous one, cleaned. */
  private String clean(String dir) {
    String joined = dir.startsWith("/") ? dir : (workingDir == null ? "" : workingDir) + "/" + dir;
    Deque<String> parts = new ArrayDeque<>();
    for (String part : joined.split("/")) {
      if (part.equals("..")) {
        parts.pollLast();
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }

  private static String signal(String value) {
    String name = value.toUpperCase(Locale.ROOT);
    name = name.startsWith("SIG") ? name.substring(3) : name;
    boolean known = SIGNAL_NUMBER.matcher(value).matches() && Integer.parseInt(value) <= 64
        || SIGNALS.contains(name) || REALTIME_SIGNAL.matcher(name).matches();
    if (!known) {
      throw new IllegalArgumentException("invalid signal \"" + value + "\"");
    }
    return value;
  }

  private static String nonEmpty(String value, String what) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " can not be empty");
    }
    return value;
  }

  private ImageConfig.Config build() {
    return new ImageConfig.Config(user, exposedPorts.isEmpty() ? null : new TreeMap<>(exposedPorts),
        env.isEmpty() ? null : List.copyOf(env), entrypoint, cmd, volumes.isEmpty() ? null : new TreeMap<>(volumes),
        workingDir, labels.isEmpty() ? null : new TreeMap<>(labels), stopSignal);
  }
}
