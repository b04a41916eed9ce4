package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  private static final Path HOME = Path.of("/home/ada");

  @Test
  void upDefaultsToTheDataDirectoryInTheHomeDirectoryAndDetaches() {
    Arguments arguments = Arguments.parse(List.of("up"), HOME);

    assertThat(arguments.command()).isEqualTo("up");
    assertThat(arguments.dataDir()).isEqualTo(Path.of("/home/ada/.berth"));
    assertThat(arguments.foreground()).isFalse();
  }

  @Test
  void takesTheDataDirectoryAsOneOrTwoArgumentsAndMakesItAbsolute() {
    assertThat(Arguments.parse(List.of("down", "--data-dir", "/srv/berth"), HOME).dataDir())
        .isEqualTo(Path.of("/srv/berth"));
    assertThat(Arguments.parse(List.of("status", "--data-dir=/srv/b/../berth"), HOME).dataDir())
        .isEqualTo(Path.of("/srv/berth"));
    assertThat(Arguments.parse(List.of("status", "--data-dir", "rel"), HOME).dataDir()).isAbsolute();
  }

  @Test
  void foregroundIsAnOptionOfUpOnly() {
    assertThat(Arguments.parse(List.of("up", "--foreground", "--data-dir", "/d"), HOME).foreground()).isTrue();
    assertThatThrownBy(() -> Arguments.parse(List.of("down", "--foreground"), HOME))
        .isInstanceOf(Arguments.UsageException.class).hasMessageContaining("up only");
  }

  @Test
  void noArgumentsOrHelpAskForTheUsage() {
    assertThat(Arguments.parse(List.of(), HOME).command()).isEqualTo("help");
    assertThat(Arguments.parse(List.of("--help"), HOME).command()).isEqualTo("help");
    assertThat(Arguments.parse(List.of("up", "-h"), HOME).command()).isEqualTo("help");
  }

  @Test
  void rejectsUnknownCommandsOptionsAndMissingValues() {
    assertThatThrownBy(() -> Arguments.parse(List.of("start"), HOME)).hasMessageContaining("unknown command 'start'");
    assertThatThrownBy(() -> Arguments.parse(List.of("up", "--verbose"), HOME))
        .hasMessageContaining("unknown option '--verbose'");
    assertThatThrownBy(() -> Arguments.parse(List.of("up", "--data-dir"), HOME)).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> Arguments.parse(List.of("up", "--data-dir", "--foreground"), HOME))
        .hasMessageContaining("needs a value");
  }

  @Test
  void postgresNeedsAValidPort() {
    assertThat(Arguments.parse(List.of("postgres", "--data-dir", "/d", "--port", "5433"), HOME).port())
        .hasValue(5433);
    assertThatThrownBy(() -> Arguments.parse(List.of("postgres", "--data-dir", "/d"), HOME))
        .hasMessageContaining("needs --port");
    assertThatThrownBy(() -> Arguments.parse(List.of("postgres", "--port", "70000"), HOME))
        .hasMessageContaining("not a port");
  }

  @Test
  void pullTakesOneReferenceAndTheGatewayComesFromHostOrTheDefault() {
    Arguments pull = Arguments.parse(List.of("pull", "httpd:latest", "--host", "http://gw:8080/"), HOME,
        "http://127.0.0.1:8080");

    assertThat(pull.operands()).containsExactly("httpd:latest");
    assertThat(pull.host()).isEqualTo("http://gw:8080");
    assertThat(Arguments.parse(List.of("images"), HOME, "http://env:1").host()).isEqualTo("http://env:1");
    assertThatThrownBy(() -> Arguments.parse(List.of("pull"), HOME)).hasMessageContaining("one image reference");
    assertThatThrownBy(() -> Arguments.parse(List.of("pull", "a", "b"), HOME)).hasMessageContaining("one image");
    assertThatThrownBy(() -> Arguments.parse(List.of("images", "busybox"), HOME))
        .hasMessageContaining("unknown argument 'busybox'");
  }

  @Test
  void allIsAnOptionOfPsOnly() {
    assertThat(Arguments.parse(List.of("ps", "-a"), HOME).all()).isTrue();
    assertThat(Arguments.parse(List.of("ps"), HOME).all()).isFalse();
    assertThatThrownBy(() -> Arguments.parse(List.of("images", "--all"), HOME)).hasMessageContaining("ps only");
  }
}
