package dev.berth.node.runtime;

import dev.berth.node.bundle.spec.Seccomp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seccomp filters crun compiled, reused. crun compiles a container's {@code linux.seccomp} with
 * libseccomp on every create — for Docker's profile on three architectures ~15–20 ms, most of a
 * start — and keeps the result as {@code seccomp.bpf} in its state directory. This cache takes that
 * program after the first create of each distinct filter (the profile differs by the container's
 * capabilities) and hands it to later creates through crun's {@code run.oci.seccomp_bpf_data}
 * annotation, which crun loads instead of compiling (and still keeps for execs). runc has no such
 * annotation: with runc the cache stays empty.
 */
public final class SeccompFilterCache {

  /** crun's annotation: the base64 of a compiled filter, loaded instead of {@code linux.seccomp}. */
  static final String BPF_ANNOTATION = "run.oci.seccomp_bpf_data";
  /** Distinct filters kept: one per capability set in use, so a handful in practice. */
  private static final int CAPACITY = 64;

  private final OciRuntime runtime;
  private final Map<Seccomp, String> compiled = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Seccomp, String> eldest) {
      return size() > CAPACITY;
    }
  };

  public SeccompFilterCache(OciRuntime runtime) {
    this.runtime = runtime;
  }

  /** The bundle annotations that give the runtime {@code seccomp} already compiled; none when it is not cached. */
  public Map<String, String> annotations(Seccomp seccomp) {
    if (seccomp == null) {
      return Map.of();
    }
    String bpf;
    synchronized (compiled) {
      bpf = compiled.get(seccomp);
    }
    return bpf == null ? Map.of() : Map.of(BPF_ANNOTATION, bpf);
  }

  /** Takes the filter the runtime compiled from {@code seccomp} for the created container {@code id}, unless known. */
  public void learn(String id, Seccomp seccomp) throws IOException {
    if (seccomp == null || !runtime.name().equals("crun")) {
      return;
    }
    synchronized (compiled) {
      if (compiled.containsKey(seccomp)) {
        return;
      }
    }
    Path file = runtime.stateDir(id).resolve("seccomp.bpf");
    byte[] program;
    try {
      program = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return;
    }
    synchronized (compiled) {
      compiled.putIfAbsent(seccomp, Base64.getEncoder().encodeToString(program));
    }
  }
}
