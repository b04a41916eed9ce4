package dev.berth.node.bundle;

import dev.berth.node.api.ContainerSpec;
import dev.berth.node.api.ExecSpec;
import dev.berth.node.api.HostOptions;
import dev.berth.node.bundle.spec.Linux;
import dev.berth.node.bundle.spec.LinuxResources;
import dev.berth.node.bundle.spec.Process;
import dev.berth.node.bundle.spec.Seccomp;
import dev.berth.node.bundle.spec.Spec;
import dev.berth.node.bundle.spec.Spec.Mount;
import dev.berth.oci.ImageConfig;
import dev.berth.oci.OciJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Writes OCI runtime bundles (<a href="https://github.com/opencontainers/runtime-spec/blob/v1.0.2/bundle.md">
 * bundle.md</a>) for runc: {@code config.json} with Docker's defaults for the container's process,
 * mounts, namespaces, capabilities, seccomp filter, rlimits and cgroup limits, and the container's
 * {@code hosts}, {@code hostname} and {@code resolv.conf}, which it bind-mounts into {@code /etc}.
 * Also builds the {@code process.json} of {@code runc exec --process}.
 */
@Component
public class BundleWriter {

  /** The file runc reads in a bundle. */
  public static final String CONFIG_JSON = "config.json";

  private final Path hostEtc;
  private final HostRlimits hostRlimits;
  private final SeccompProfiles.Profile seccompProfile;
  private final String kernelRelease;
  private final String hostHostname;
  private final List<String> hostCapabilities;

  public BundleWriter(BundleProperties properties) throws IOException {
    this.hostEtc = properties.hostEtc();
    this.hostRlimits = HostRlimits.current();
    this.seccompProfile = Files.isRegularFile(properties.seccompProfile())
        ? SeccompProfiles.parse(Files.readAllBytes(properties.seccompProfile()))
        : null;
    this.kernelRelease = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
    this.hostHostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    this.hostCapabilities = CapabilitySet.bounding(Files.readString(Path.of("/proc/self/status")));
  }

  /**
   * Writes the bundle into {@code bundleDir} (created when missing): the {@code /etc} files, then
   * {@code config.json}, each atomically.
   *
   * @param annotations the runtime annotations that go with the container's seccomp filter
   * @return what {@code config.json} holds
   * @throws IllegalArgumentException when the spec is invalid for this image (unknown user, capability, ulimit...)
   *     or the root filesystem path is relative
   */
  public Spec write(Path bundleDir, BundleRequest request, Function<Seccomp, Map<String, String>> annotations)
      throws IOException {
    if (!request.rootfs().isAbsolute()) {
      throw new IllegalArgumentException("root filesystem " + request.rootfs() + ": not an absolute path");
    }
    if (!Files.isDirectory(bundleDir)) {   // mostly there since the rootfs mount; createDirectories would throw and catch
      Files.createDirectories(bundleDir);
    }
    ContainerSpec spec = request.spec();
    HostOptions host = host(spec);
    boolean hostNetwork = "host".equals(host.networkMode());
    String hostname = hostname(request);
    String hostsFile = hostNetwork ? readHostEtc("hosts") : null;
    AtomicFiles.write(bundleDir.resolve("hostname"), bytes(EtcFiles.hostname(hostname)));
    AtomicFiles.write(bundleDir.resolve("hosts"),
        bytes(EtcFiles.hosts(hostname, spec.domainname(), request.network(), host.extraHosts(), hostsFile)));
    AtomicFiles.write(bundleDir.resolve("resolv.conf"), bytes(EtcFiles.resolvConf(readHostEtc("resolv.conf"),
        host.dns(), host.dnsSearch(), host.dnsOptions(), hostNetwork)));
    List<Mount> etcFiles = new ArrayList<>();
    for (String file : List.of("hostname", "hosts", "resolv.conf")) {
      etcFiles.add(ContainerMounts.bindMount(bundleDir.toAbsolutePath().resolve(file).toString(), "/etc/" + file,
          host.readonlyRootfs()));
    }
    Spec config = spec(request, hostname, etcFiles, annotations);
    AtomicFiles.write(bundleDir.resolve(CONFIG_JSON), OciJson.mapper().writeValueAsBytes(config));
    return config;
  }

  /**
   * The process of {@code runc exec --process} for {@code exec} in the container of {@code request}:
   * its user (the container's when not given) resolved in the root filesystem, the container's
   * environment with the exec's entries over it, its working directory (the container's when not
   * given), the container's capabilities (all the host can grant when privileged) and rlimits.
   *
   * @throws IllegalArgumentException when the command is empty or the user is unknown
   */
  public Process execProcess(BundleRequest request, ExecSpec exec) throws IOException {
    if (exec.cmd() == null || exec.cmd().isEmpty()) {
      throw new IllegalArgumentException("exec in container " + request.containerId() + ": no command specified");
    }
    ContainerSpec spec = request.spec();
    ImageConfig.Config image = imageConfig(request);
    String user = exec.user() != null && !exec.user().isEmpty() ? exec.user() : containerUser(spec, image);
    RootfsUsers.ExecUser execUser = RootfsUsers.resolve(request.rootfs(), user);
    List<String> env = ProcessDefaults.env(hostname(request), exec.tty(), image == null ? null : image.env(),
        List.of(spec.env() == null ? List.of() : spec.env(), exec.env() == null ? List.of() : exec.env()));
    String cwd = exec.workingDir() != null && !exec.workingDir().isEmpty()
        ? absolute(exec.workingDir())
        : workingDir(spec, image);
    HostOptions host = host(spec);
    List<String> caps = CapabilitySet.of(host.capAdd(), host.capDrop(), host.privileged() || exec.privileged(),
        hostCapabilities);
    return new Process(exec.tty(), execUser.user(), List.copyOf(exec.cmd()),
        ProcessDefaults.withHome(env, execUser.home()), cwd, CapabilitySet.sets(caps),
        hostRlimits.rlimits(host.ulimits()), true);
  }

  /** Writes {@code process} as JSON to {@code file}, atomically. */
  public void writeProcess(Path file, Process process) throws IOException {
    AtomicFiles.write(file, OciJson.mapper().writeValueAsBytes(process));
  }

  private Spec spec(BundleRequest request, String hostname, List<Mount> etcFiles,
      Function<Seccomp, Map<String, String>> annotations) throws IOException {
    ContainerSpec spec = request.spec();
    HostOptions host = host(spec);
    ImageConfig.Config image = imageConfig(request);
    boolean privileged = host.privileged();
    List<String> caps = CapabilitySet.of(host.capAdd(), host.capDrop(), privileged, hostCapabilities);
    RootfsUsers.ExecUser user = RootfsUsers.resolve(request.rootfs(), containerUser(spec, image));
    List<String> env = ProcessDefaults.env(hostname, spec.tty(), image == null ? null : image.env(),
        List.of(spec.env() == null ? List.of() : spec.env()));
    Process process = new Process(spec.tty(), user.user(), ProcessDefaults.args(spec, image),
        ProcessDefaults.withHome(env, user.home()), workingDir(spec, image), CapabilitySet.sets(caps),
        hostRlimits.rlimits(host.ulimits()), true);
    List<Mount> mounts = ContainerMounts.of(etcFiles, host.mounts(), request.volumes(), privileged);
    LinuxResources resources = CgroupResources.of(host.resources(),
        privileged ? DockerDefaults.ALL_DEVICES : DockerDefaults.DEVICES);
    Seccomp seccomp = privileged || seccompProfile == null ? null
        : SeccompProfiles.convert(seccompProfile, caps, System.getProperty("os.arch"), kernelRelease);
    Linux linux = new Linux(namespaces(request, host), resources, "/berth/" + request.containerId(), seccomp,
        privileged ? null : DockerDefaults.MASKED_PATHS, privileged ? null : DockerDefaults.READONLY_PATHS);
    Map<String, String> seccompAnnotations = annotations.apply(seccomp);
    String domainname = spec.domainname() == null || spec.domainname().isEmpty() ? null : spec.domainname();
    return new Spec(Spec.OCI_VERSION, process, new Spec.Root(request.rootfs().toString(), host.readonlyRootfs()),
        hostname, domainname, mounts, linux, seccompAnnotations.isEmpty() ? null : seccompAnnotations);
  }

  private static List<Linux.Namespace> namespaces(BundleRequest request, HostOptions host) {
    List<Linux.Namespace> namespaces = new ArrayList<>(List.of(new Linux.Namespace("pid", null),
        new Linux.Namespace("ipc", null), new Linux.Namespace("uts", null), new Linux.Namespace("mount", null)));
    if (!"host".equals(host.networkMode())) {
      Path netns = request.networkNamespace();
      namespaces.add(new Linux.Namespace("network", netns == null ? null : netns.toString()));
    }
    return List.copyOf(namespaces);
  }

  private String hostname(BundleRequest request) {
    ContainerSpec spec = request.spec();
    if (spec.hostname() != null && !spec.hostname().isEmpty()) {
      return spec.hostname();
    }
    if ("host".equals(host(spec).networkMode())) {
      return hostHostname;
    }
    String id = request.containerId();
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  private String readHostEtc(String file) throws IOException {
    Path path = hostEtc.resolve(file);
    return Files.exists(path) ? Files.readString(path) : "";
  }

  private static String containerUser(ContainerSpec spec, ImageConfig.Config image) {
    if (spec.user() != null && !spec.user().isEmpty()) {
      return spec.user();
    }
    return image == null ? null : image.user();
  }

  private static String workingDir(ContainerSpec spec, ImageConfig.Config image) {
    if (spec.workingDir() != null && !spec.workingDir().isEmpty()) {
      return absolute(spec.workingDir());
    }
    if (image != null && image.workingDir() != null && !image.workingDir().isEmpty()) {
      return absolute(image.workingDir());
    }
    return "/";
  }

  private static String absolute(String dir) {
    if (!dir.startsWith("/")) {
      throw new IllegalArgumentException(
          "the working directory '" + dir + "' is invalid, it needs to be an absolute path");
    }
    return dir;
  }

  private static ImageConfig.Config imageConfig(BundleRequest request) {
    return request.image() == null ? null : request.image().config();
  }

  private static HostOptions host(ContainerSpec spec) {
    return spec.host() == null ? HostOptions.defaults() : spec.host();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
