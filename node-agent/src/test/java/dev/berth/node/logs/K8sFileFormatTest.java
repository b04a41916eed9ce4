package dev.berth.node.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.node.api.LogEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class K8sFileFormatTest {

  @Test
  void parsesAFullLineWithItsNanosecondsAndOffset() {
    assertThat(K8sFileFormat.parse("2026-11-28T05:34:12.351606929+01:00 stdout F hello world"))
        .contains(new LogEntry(Instant.parse("2026-11-28T04:34:12.351606929Z"), "stdout", false, "hello world"));
  }

  @Test
  void parsesAPartialLineOfStandardError() {
    assertThat(K8sFileFormat.parse("2026-11-28T04:34:12.000000001+00:00 stderr P no newline yet"))
        .contains(new LogEntry(Instant.parse("2026-11-28T04:34:12.000000001Z"), "stderr", true, "no newline yet"));
  }

  @Test
  void keepsLeadingSpacesAndAnEmptyText() {
    assertThat(K8sFileFormat.parse("2026-11-28T04:34:12.5+00:00 stdout F   indented")).get()
        .extracting(LogEntry::line).isEqualTo("  indented");
    assertThat(K8sFileFormat.parse("2026-11-28T04:34:12.5+00:00 stdout F ")).get()
        .extracting(LogEntry::line).isEqualTo("");
  }

  @Test
  void rejectsLinesThatAreNotRecords() {
    assertThat(K8sFileFormat.parse("")).isEmpty();
    assertThat(K8sFileFormat.parse("garbage")).isEmpty();
    assertThat(K8sFileFormat.parse("2026-11-28T04:34:12.5+00:00 stdout")).isEmpty();
    assertThat(K8sFileFormat.parse("2026-11-28T04:34:12.5+00:00 stdin F text")).isEmpty();
    assertThat(K8sFileFormat.parse("2026-11-28T04:34:12.5+00:00 stdout X text")).isEmpty();
    assertThat(K8sFileFormat.parse("2026-11-28T04:34:12.5+00:00 stdout Ftext")).isEmpty();
    assertThat(K8sFileFormat.parse("yesterday stdout F text")).isEmpty();
  }
}
