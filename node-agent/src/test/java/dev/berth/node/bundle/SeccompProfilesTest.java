package dev.berth.node.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.node.bundle.spec.Seccomp;
import dev.berth.oci.OciJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeccompProfilesTest {

  private static final String PROFILE = """
      {
        "defaultAction": "SCMP_ACT_ERRNO",
        "defaultErrnoRet": 38,
        "defaultErrno": "ENOSYS",
        "archMap": [
          {"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86", "SCMP_ARCH_X32"]},
          {"architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]}
        ],
        "syscalls": [
          {"names": ["read", "write"], "action": "SCMP_ACT_ALLOW", "args": [], "comment": "",
           "includes": {}, "excludes": {}},
          {"names": ["personality"], "action": "SCMP_ACT_ALLOW",
           "args": [{"index": 0, "value": 4294967295, "valueTwo": 0, "op": "SCMP_CMP_EQ"}]},
          {"names": ["arch_prctl"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["amd64", "x32"]}},
          {"names": ["breakpoint"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["arm", "arm64"]}},
          {"names": ["bpf"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}},
          {"names": ["bpf"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1, "errno": "EPERM",
           "excludes": {"caps": ["CAP_SYS_ADMIN"]}},
          {"names": ["new_thing"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "99.1"}},
          {"names": ["old_thing"], "action": "SCMP_ACT_ALLOW", "excludes": {"minKernel": "4.8"}},
          {"names": ["uname"], "action": "SCMP_ACT_ALLOW", "excludes": {"arches": ["amd64"]}}
        ]
      }
      """;

  @Test
  void convertsArchMapAndFiltersRulesByArchCapabilityAndKernel() {
    Seccomp seccomp = convert(List.of("CAP_CHOWN"), "amd64");

    assertThat(seccomp.defaultAction()).isEqualTo("SCMP_ACT_ERRNO");
    assertThat(seccomp.defaultErrnoRet()).isEqualTo(38);
    assertThat(seccomp.architectures()).containsExactly("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
    assertThat(seccomp.syscalls()).extracting(s -> s.names().getFirst())
        .containsExactly("read", "personality", "arch_prctl", "bpf");
    assertThat(seccomp.syscalls().get(3)).isEqualTo(new Seccomp.Syscall(List.of("bpf"), "SCMP_ACT_ERRNO", 1, null));
  }

  @Test
  void keepsCapabilityRulesWhenTheCapabilityIsInTheBoundingSet() {
    Seccomp seccomp = convert(List.of("CAP_SYS_ADMIN"), "aarch64");

    assertThat(seccomp.architectures()).containsExactly("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM");
    assertThat(seccomp.syscalls()).extracting(s -> s.names().getFirst())
        .containsExactly("read", "personality", "breakpoint", "bpf", "uname");
    assertThat(seccomp.syscalls().get(3).action()).isEqualTo("SCMP_ACT_ALLOW");
  }

  @Test
  void writesOnlyRuntimeSpecKeys() {
    String json = new String(OciJson.mapper().writeValueAsBytes(convert(List.of(), "amd64")), StandardCharsets.UTF_8);

    assertThat(json).doesNotContain("archMap", "includes", "excludes", "comment", "\"errno\"", "defaultErrno\"")
        .contains("\"value\":4294967295", "\"defaultErrnoRet\":38");
  }

  @Test
  void aProfileWithoutDefaultActionAndRulesDisablesSeccomp() {
    assertThat(SeccompProfiles.convert(SeccompProfiles.parse("{}".getBytes(StandardCharsets.UTF_8)), List.of(),
        "amd64", "6.1.0")).isNull();
  }

  @Test
  void rejectsArchitecturesTogetherWithArchMap() {
    byte[] both = """
        {"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86"],
         "archMap": [{"architecture": "SCMP_ARCH_X86_64"}]}
        """.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SeccompProfiles.convert(SeccompProfiles.parse(both), List.of(), "amd64", "6.1.0"))
        .hasMessageContaining("both architectures and archMap");
  }

  @Test
  void comparesKernelReleasesByMajorAndMinor() {
    assertThat(SeccompProfiles.compareKernel("6.18.44-fc-v595", "4.8")).isPositive();
    assertThat(SeccompProfiles.compareKernel("4.8.0", "4.8")).isZero();
    assertThat(SeccompProfiles.compareKernel("4.19", "5.0")).isNegative();
  }

  private static Seccomp convert(List<String> bounding, String arch) {
    return SeccompProfiles.convert(SeccompProfiles.parse(PROFILE.getBytes(StandardCharsets.UTF_8)), bounding, arch,
        "6.1.0");
  }
}
