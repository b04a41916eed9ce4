package dev.berth.node.volume;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.MountSpec;
import dev.berth.node.bundle.AtomicFiles;
import dev.berth.node.bundle.RootfsPaths;
import dev.berth.node.bundle.VolumeMount;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.OciJson;
import dev.berth.platform.BerthProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Docker's local volumes: a named volume is the directory {@code <dataDir>/volumes/<name>/_data},
 * created on first use; an anonymous one gets a random 64-hex name and serves a {@code volume}
 * mount without a source or an image {@code Volumes} entry no mount covers. A volume still empty
 * when mounted receives the image's content at its mount point first. Which container uses which
 * volumes is kept in {@code <dataDir>/volume-users/<containerId>.json}. Creations and removals
 * are told to a {@link VolumeListener}.
 */
@Component
public class Volumes {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final Pattern CONTAINER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

  private final Path root;
  private final Path users;
  private final SecureRandom random = new SecureRandom();
  private final VolumeListener listener;

  public Volumes(BerthProperties properties, VolumeListener listener) {
    this.root = properties.dataDir().resolve("volumes");
    this.users = properties.dataDir().resolve("volume-users");
    this.listener = listener;
  }

  /**
   * Resolves the volumes of a container whose root filesystem is mounted at {@code rootfs}: its
   * {@code volume} mounts and the image's volumes no mount covers, creating and filling volumes as
   * needed, and records them for the container.
   *
   * @throws IllegalArgumentException for an invalid volume name or container ID
   */
  public synchronized List<VolumeMount> mount(ContainerSpec spec, ImageConfig image, Path rootfs) throws IOException {
    String containerId = validContainerId(spec.id());
    List<MountSpec> mounts = spec.host() == null || spec.host().mounts() == null ? List.of() : spec.host().mounts();
    Set<String> covered = new HashSet<>();
    mounts.forEach(m -> covered.add(normalize(m.target())));
    List<VolumeMount> result = new ArrayList<>();
    List<String> named = new ArrayList<>();
    List<String> anonymous = new ArrayList<>();
    for (MountSpec mount : mounts) {
      if (!mount.type().equals("volume")) {
        continue;
      }
      boolean isAnonymous = mount.source() == null || mount.source().isEmpty();
      String name = isAnonymous ? newName() : validName(mount.source());
      (isAnonymous ? anonymous : named).add(name);
      result.add(prepare(name, normalize(mount.target()), mount.readOnly(), rootfs));
    }
    if (image != null && image.config() != null && image.config().volumes() != null) {
      for (String target : image.config().volumes().keySet().stream().sorted().toList()) {
        if (covered.add(normalize(target))) {
          String name = newName();
          anonymous.add(name);
          result.add(prepare(name, normalize(target), false, rootfs));
        }
      }
    }
    if (named.isEmpty() && anonymous.isEmpty()) {
      return List.of();
    }
    Files.createDirectories(users);
    AtomicFiles.write(users.resolve(containerId + ".json"), OciJson.mapper().writeValueAsBytes(
        new ContainerVolumes(containerId, List.copyOf(named), List.copyOf(anonymous))));
    return List.copyOf(result);
  }

  /** The volumes recorded for a container; none when it has no record. */
  public ContainerVolumes of(String containerId) throws IOException {
    Path file = users.resolve(validContainerId(containerId) + ".json");
    return Files.exists(file)
        ? OciJson.mapper().readValue(Files.readAllBytes(file), ContainerVolumes.class)
        : new ContainerVolumes(containerId, List.of(), List.of());
  }

  /**
   * Forgets a removed container's volumes, removing its anonymous ones when {@code removeAnonymous}
   * ({@code docker rm -v}).
   */
  public synchronized void release(String containerId, boolean removeAnonymous) throws IOException {
    ContainerVolumes volumes = of(containerId);
    Files.deleteIfExists(users.resolve(containerId + ".json"));
    if (removeAnonymous) {
      for (String name : volumes.anonymous()) {
        delete(root.resolve(name));
        listener.destroyed(name);
      }
    }
  }

  /**
   * Removes a volume and its content.
   *
   * @throws IllegalStateException when a container uses it
   * @throws IllegalArgumentException when no such volume exists
   */
  public synchronized void remove(String name) throws IOException {
    Path dir = root.resolve(validName(name));
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("volume " + name + ": not found");
    }
    for (ContainerVolumes record : records()) {
      if (record.uses(name)) {
        throw new IllegalStateException("volume " + name + ": in use by container " + record.containerId());
      }
    }
    delete(dir);
    listener.destroyed(name);
  }

  /** The names of all volumes, sorted. */
  public List<String> list() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.map(p -> p.getFileName().toString()).filter(n -> NAME.matcher(n).matches()).sorted().toList();
    }
  }

  /** The host directory of a volume's content. */
  public Path path(String name) {
    return root.resolve(validName(name)).resolve("_data");
  }

  private VolumeMount prepare(String name, String target, boolean readOnly, Path rootfs) throws IOException {
    Path data = path(name);
    if (!Files.isDirectory(data)) {
      Files.createDirectories(data);
      listener.created(name);
    }
    Path image = RootfsPaths.resolve(rootfs, target);
    if (Files.isDirectory(image, LinkOption.NOFOLLOW_LINKS) && isEmpty(data)) {
      VolumeCopy.copyInto(image, data);
    }
    return new VolumeMount(name, data, target, readOnly);
  }

  private List<ContainerVolumes> records() throws IOException {
    if (!Files.isDirectory(users)) {
      return List.of();
    }
    List<ContainerVolumes> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(users)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        records.add(OciJson.mapper().readValue(Files.readAllBytes(file), ContainerVolumes.class));
      }
    }
    return records;
  }

  private String newName() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String normalize(String target) {
    if (target == null || !target.startsWith("/")) {
      throw new IllegalArgumentException("mount destination must be an absolute path: " + target);
    }
    return Path.of(target).normalize().toString();
  }

  private static String validName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid volume name \"" + name
          + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed, at least two characters");
    }
    return name;
  }

  private static String validContainerId(String id) {
    if (id == null || !CONTAINER_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("invalid container ID: " + id);
    }
    return id;
  }
}
