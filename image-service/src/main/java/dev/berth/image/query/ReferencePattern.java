package dev.berth.image.query;

import dev.berth.image.ImageException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code reference} filter: a glob as Go's <a href="https://pkg.go.dev/path#Match">path.Match</a>
 * reads it ({@code *} and {@code ?} never match {@code /}, {@code [...]} classes, {@code \} escapes),
 * matched as Docker's {@code FamiliarMatch} does against a familiar reference and against its name.
 */
final class ReferencePattern {

  private final String glob;
  private final Pattern regex;

  private ReferencePattern(String glob, Pattern regex) {
    this.glob = glob;
    this.regex = regex;
  }

  /**
   * Compiles {@code glob}.
   *
   * @throws ImageException.InvalidArgument when it is malformed
   */
  static ReferencePattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> regex.append("[^/]*");
        case '?' -> regex.append("[^/]");
        case '[' -> i = characterClass(glob, i + 1, regex) - 1;
        case '\\' -> {
          if (++i == glob.length()) {
            throw bad(glob);
          }
          regex.append(literal(glob.charAt(i)));
        }
        default -> regex.append(literal(c));
      }
      i++;
    }
    try {
      return new ReferencePattern(glob, Pattern.compile(regex.toString()));
    } catch (PatternSyntaxException e) {
      throw bad(glob);
    }
  }

  /** Whether familiar {@code reference} ({@code name:tag} or {@code name@digest}), or its name, matches. */
  boolean matches(String reference) {
    return regex.matcher(reference).matches() || regex.matcher(nameOf(reference)).matches();
  }

  @Override
  public String toString() {
    return glob;
  }

  private static String nameOf(String reference) {
    int at = reference.indexOf('@');
    String name = at < 0 ? reference : reference.substring(0, at);
    int colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
  }

  /** Appends the class starting after {@code [} at {@code start}; returns the index after its {@code ]}. */
  private static int characterClass(String glob, int start, StringBuilder regex) {
    int i = start;
    regex.append('[');
    if (i < glob.length() && glob.charAt(i) == '^') {
      regex.append('^');
      i++;
    }
    int ranges = 0;
    while (true) {
      if (i < glob.length() && glob.charAt(i) == ']' && ranges > 0) {
        regex.append(']');
        return i + 1;
      }
      i = escaped(glob, i);
      char lo = glob.charAt(i - 1);
      regex.append(literal(lo));
      if (glob.charAt(i) == '-') {
        i = escaped(glob, i + 1);
        regex.append('-').append(literal(glob.charAt(i - 1)));
      }
      ranges++;
    }
  }

  /**
   * Go's {@code getEsc}: the class character at {@code i}, possibly escaped, which cannot be
   * {@code -} or {@code ]} and must be followed by more of the pattern; returns the index after it.
   */
  private static int escaped(String glob, int i) {
    if (i >= glob.length() || glob.charAt(i) == '-' || glob.charAt(i) == ']') {
      throw bad(glob);
    }
    if (glob.charAt(i) == '\\') {
      i++;
    }
    if (i + 1 >= glob.length()) {
      throw bad(glob);
    }
    return i + 1;
  }

  private static String literal(char c) {
    return String.format("\\x{%x}", (int) c);
  }

  private static ImageException.InvalidArgument bad(String glob) {
    return new ImageException.InvalidArgument("invalid reference filter \"" + glob + "\": syntax error in pattern");
  }
}
