package dev.berth.image.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.image.ImageException;
import dev.berth.oci.ImageConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigChangesTest {

  private static ImageConfig.Config parse(String... changes) {
    return ConfigChanges.parse(List.of(changes));
  }

  @Test
  void takesCmdInExecFormAsWritten() {
    assertThat(parse("CMD [\"httpd\", \"-f\", \"-p\", \"80\"]").cmd()).containsExactly("httpd", "-f", "-p", "80");
  }

  @Test
  void runsCmdAndEntrypointInShellFormThroughBinSh() {
    ImageConfig.Config config = parse("ENTRYPOINT exec top -b", "CMD echo $HOME");

    assertThat(config.entrypoint()).containsExactly("/bin/sh", "-c", "exec top -b");
    assertThat(config.cmd()).containsExactly("/bin/sh", "-c", "echo $HOME");
  }

  @Test
  void treatsBrokenJsonAsShellForm() {
    assertThat(parse("CMD [\"unterminated\"").cmd()).containsExactly("/bin/sh", "-c", "[\"unterminated\"");
  }

  @Test
  void keepsCmdAndEntrypointWhicheverComesFirstAndTheLastOfEach() {
    ImageConfig.Config config = parse("CMD [\"a\"]", "ENTRYPOINT [\"b\"]", "CMD [\"c\"]");

    assertThat(config.entrypoint()).containsExactly("b");
    assertThat(config.cmd()).containsExactly("c");
  }

  @Test
  void setsEnvInBothFormsReplacingEarlierValuesInPlace() {
    ImageConfig.Config config = parse("ENV A=1 B=\"two words\"", "ENV C three more words", "ENV A=changed");

    assertThat(config.env()).containsExactly("A=changed", "B=two words", "C=three more words");
  }

  @Test
  void substitutesEarlierVariablesButNotInsideSingleQuotes() {
    ImageConfig.Config config = parse("ENV BASE=/opt/app", "ENV BIN=$BASE/bin LIT='$BASE' DEF=${NOPE:-fallback}",
        "WORKDIR ${BASE}/data");

    assertThat(config.env()).containsExactly("BASE=/opt/app", "BIN=/opt/app/bin", "LIT=$BASE", "DEF=fallback");
    assertThat(config.workingDir()).isEqualTo("/opt/app/data");
  }

  @Test
  void resolvesARelativeWorkdirAgainstThePreviousOne() {
    assertThat(parse("WORKDIR /a", "WORKDIR b", "WORKDIR ../c/./d").workingDir()).isEqualTo("/a/c/d");
    assertThat(parse("WORKDIR rel").workingDir()).isEqualTo("/rel");
  }

  @Test
  void exposesPortsWithProtocolsAndRanges() {
    assertThat(parse("EXPOSE 80 53/udp", "EXPOSE 8000-8002/TCP").exposedPorts()).containsOnlyKeys("80/tcp", "53/udp",
        "8000/tcp", "8001/tcp", "8002/tcp");
  }

  @Test
  void setsLabelsUserVolumesAndStopSignal() {
    ImageConfig.Config config = parse("LABEL org.opencontainers.image.title=\"seed image\" version=1",
        "USER nobody:nogroup", "VOLUME [\"/data\", \"/logs\"]", "VOLUME /cache /tmp/x", "STOPSIGNAL SIGQUIT");

    assertThat(config.labels()).isEqualTo(Map.of("org.opencontainers.image.title", "seed image", "version", "1"));
    assertThat(config.user()).isEqualTo("nobody:nogroup");
    assertThat(config.volumes()).containsOnlyKeys("/data", "/logs", "/cache", "/tmp/x");
    assertThat(config.stopSignal()).isEqualTo("SIGQUIT");
  }

  @Test
  void acceptsSignalsByNumberAndWithoutThePrefix() {
    assertThat(parse("STOPSIGNAL 9").stopSignal()).isEqualTo("9");
    assertThat(parse("stopsignal term").stopSignal()).isEqualTo("term");
    assertThat(parse("STOPSIGNAL RTMIN+3").stopSignal()).isEqualTo("RTMIN+3");
  }

  @Test
  void readsSeveralInstructionsFromOneChangeWithContinuationsAndComments() {
    ImageConfig.Config config = parse("# a comment\nENV A=1 \\\n    B=2\nCMD [\"sh\"]");

    assertThat(config.env()).containsExactly("A=1", "B=2");
    assertThat(config.cmd()).containsExactly("sh");
  }

  @Test
  void leavesEverythingUnsetWithoutChanges() {
    assertThat(ConfigChanges.parse(List.of())).isEqualTo(new ImageConfig.Config(null, null, null, null, null, null,
        null, null, null));
  }

  @Test
  void refusesInstructionsThatDoMoreThanConfigure() {
    assertThatThrownBy(() -> parse("RUN rm -rf /"))
        .isInstanceOf(ImageException.InvalidArgument.class)
        .hasMessageContaining("RUN is not supported")
        .hasMessageContaining("CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR");
  }

  @Test
  void refusesMalformedArguments() {
    assertThatThrownBy(() -> parse("EXPOSE http")).hasMessageContaining("invalid port \"http\"");
    assertThatThrownBy(() -> parse("EXPOSE 70000")).hasMessageContaining("from 1 to 65535");
    assertThatThrownBy(() -> parse("EXPOSE 80/icmp")).hasMessageContaining("tcp|udp|sctp");
    assertThatThrownBy(() -> parse("STOPSIGNAL SIGNOPE")).hasMessageContaining("invalid signal");
    assertThatThrownBy(() -> parse("ENV A=1 B")).hasMessageContaining("can't find = in \"B\"");
    assertThatThrownBy(() -> parse("ENV ONLYNAME")).hasMessageContaining("ENV must have two arguments");
    assertThatThrownBy(() -> parse("LABEL a=\"unterminated")).hasMessageContaining("matching double-quote");
    assertThatThrownBy(() -> parse("CMD")).hasMessageContaining("CMD requires at least one argument");
    assertThatThrownBy(() -> parse("ENV A=${B")).hasMessageContaining("missing '}'");
  }

  @Test
  void namesTheChangeAtFault() {
    assertThatThrownBy(() -> parse("ENV A=1", "EXPOSE nope"))
        .isInstanceOf(ImageException.InvalidArgument.class)
        .hasMessageStartingWith("invalid change \"EXPOSE nope\": ");
  }
}
