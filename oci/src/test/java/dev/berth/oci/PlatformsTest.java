package dev.berth.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformsTest {

  private static final Descriptor AMD64 = entry('1', Platforms.of("linux", "amd64", null));
  private static final Descriptor ARM64 = entry('2', Platforms.of("linux", "arm64", "v8"));
  private static final Descriptor ARM_V6 = entry('3', Platforms.of("linux", "arm", "v6"));
  private static final Descriptor ARM_V7 = entry('4', Platforms.of("linux", "arm", "v7"));
  private static final Descriptor WINDOWS = entry('5', Platforms.of("windows", "amd64", null));
  private static final Descriptor ATTESTATION = entry('6', Platforms.of("unknown", "unknown", null));

  private static final ImageIndex INDEX = new ImageIndex(2, MediaTypes.OCI_INDEX, null,
      List.of(ATTESTATION, WINDOWS, ARM_V6, ARM_V7, AMD64, ARM64), null, null);

  @Test
  void selectsLinuxAmd64ByDefault() {
    assertThat(Platforms.select(INDEX, Platforms.LINUX_AMD64)).contains(AMD64);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "linux/arm64, 2", "linux/arm64/v8, 2", "linux/aarch64, 2", "linux/x86_64, 1", "windows/amd64, 5",
      "linux/arm/v6, 3", "linux/arm/v7, 4", "linux/arm, 4", "linux/armhf, 4"})
  void matchesOsArchitectureAndVariant(String wanted, char entry) {
    assertThat(Platforms.select(INDEX, Platforms.parse(wanted)))
        .hasValueSatisfying(d -> assertThat(d.digest().encoded()).startsWith(String.valueOf(entry)));
  }

  @Test
  void prefersTheDefaultVariantWhenNoneIsAsked() {
    ImageIndex v6First = new ImageIndex(2, MediaTypes.OCI_INDEX, null, List.of(ARM_V6, ARM_V7), null, null);

    assertThat(Platforms.select(v6First, Platforms.parse("linux/arm"))).contains(ARM_V7);
  }

  @Test
  void treatsAMissingArm64VariantAsV8() {
    Descriptor bare = entry('7', Platforms.of("linux", "arm64", null));
    ImageIndex index = new ImageIndex(2, MediaTypes.OCI_INDEX, null, List.of(bare), null, null);

    assertThat(Platforms.select(index, Platforms.parse("linux/arm64/v8"))).contains(bare);
  }

  @Test
  void findsNothingForAnAbsentPlatformOrEntriesWithoutPlatform() {
    Descriptor noPlatform = Descriptor.of(MediaTypes.OCI_MANIFEST, digest('8'), 10);
    ImageIndex index = new ImageIndex(2, MediaTypes.OCI_INDEX, null, List.of(noPlatform, ATTESTATION), null, null);

    assertThat(Platforms.select(INDEX, Platforms.parse("linux/s390x"))).isEmpty();
    assertThat(Platforms.select(INDEX, Platforms.parse("linux/arm/v5"))).isEmpty();
    assertThat(Platforms.select(index, Platforms.LINUX_AMD64)).isEmpty();
  }

  @Test
  void parsesAndFormatsPlatformStrings() {
    assertThat(Platforms.parse("linux/arm64/v8")).isEqualTo(Platforms.of("linux", "arm64", "v8"));
    assertThat(Platforms.format(Platforms.parse("Linux/AMD64"))).isEqualTo("linux/amd64");
    assertThat(Platforms.format(Platforms.of("linux", "arm", "v7"))).isEqualTo("linux/arm/v7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "linux", "linux/", "/amd64", "linux/arm/v7/extra", "linux//v7"})
  void rejectsMalformedPlatformStrings(String value) {
    assertThatThrownBy(() -> Platforms.parse(value)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Descriptor entry(char digit, Platform platform) {
    return new Descriptor(MediaTypes.OCI_MANIFEST, digest(digit), 100, null, null, null, platform);
  }

  private static Digest digest(char digit) {
    return Digest.parse("sha256:" + String.valueOf(digit).repeat(64));
  }
}
