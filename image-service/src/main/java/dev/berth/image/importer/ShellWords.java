package dev.berth.image.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The word rules of Dockerfile instructions, as moby's shell lexer applies them to the arguments
 * of {@code --change}: words split at unquoted whitespace, single quotes taken literally, double
 * quotes and backslash escapes, and environment substitution of {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-word}}, {@code ${VAR-word}}, {@code ${VAR:+word}} and {@code ${VAR+word}}
 * (<a href="https://docs.docker.com/reference/dockerfile/#environment-replacement">environment
 * replacement</a>). Malformed text is an {@link IllegalArgumentException}.
 */
final class ShellWords {

  private final String text;
  private final Map<String, String> env;
  private int position;

  private ShellWords(String text, Map<String, String> env) {
    this.text = text;
    this.env = env;
  }

  /** {@code text} split into words, quotes removed and variables of {@code env} substituted. */
  static List<String> split(String text, Map<String, String> env) {
    return new ShellWords(text, env).process(true);
  }

  /** {@code text} as one word (whitespace kept), quotes removed and variables substituted. */
  static String word(String text, Map<String, String> env) {
    return new ShellWords(text, env).process(false).getFirst();
  }

  /** {@code text} split at whitespace outside quotes, each word kept as written (quotes included). */
  static List<String> splitRaw(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean escaped = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (escaped || quote != 0 || !Character.isWhitespace(c)) {
        word.append(c);
        if (escaped) {
          escaped = false;
        } else if (c == '\\' && quote != '\'') {
          escaped = true;
        } else if (quote != 0 && c == quote) {
          quote = 0;
        } else if (quote == 0 && (c == '\'' || c == '"')) {
          quote = c;
        }
      } else if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  private List<String> process(boolean split) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    while (position < text.length()) {
      char c = text.charAt(position);
      if (split && Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        position++;
        continue;
      }
      inWord = true;
      switch (c) {
        case '\'' -> singleQuoted(word);
        case '"' -> doubleQuoted(word);
        case '$' -> variable(word);
        case '\\' -> {
          position++;
          if (position < text.length()) {
            word.append(text.charAt(position++));
          }
        }
        default -> {
          word.append(c);
          position++;
        }
      }
    }
    if (inWord || !split) {
      words.add(word.toString());
    }
    return words;
  }

  private void singleQuoted(StringBuilder word) {
    int end = text.indexOf('\'', position + 1);
    if (end < 0) {
      throw new IllegalArgumentException("unexpected end of statement while looking for matching single-quote");
    }
    word.append(text, position + 1, end);
    position = end + 1;
  }

  private void doubleQuoted(StringBuilder word) {
    position++;
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == '"') {
        position++;
        return;
      }
      if (c == '$') {
        variable(word);
        continue;
      }
      if (c == '\\' && position + 1 < text.length() && "\"$\\".indexOf(text.charAt(position + 1)) >= 0) {
        position++;
      }
      word.append(text.charAt(position++));
    }
    throw new IllegalArgumentException("unexpected end of statement while looking for matching double-quote");
  }

  private void variable(StringBuilder word) {
    position++;
    if (position < text.length() && text.charAt(position) == '{') {
      braced(word);
      return;
    }
    String name = name();
    if (name.isEmpty()) {
      word.append('$');
    } else {
      word.append(env.getOrDefault(name, ""));
    }
  }

  private void braced(StringBuilder word) {
    position++;
    String name = name();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("bad substitution: missing variable name in " + text);
    }
    int close = matchingBrace();
    String modifier = text.substring(position, close);
    position = close + 1;
    String value = env.get(name);
    if (modifier.isEmpty()) {
      word.append(value == null ? "" : value);
      return;
    }
    boolean colon = modifier.startsWith(":");
    String operation = colon ? modifier.substring(1) : modifier;
    boolean set = value != null && !(colon && value.isEmpty());
    String alternative = operation.length() > 1 ? new ShellWords(operation.substring(1), env).process(false).getFirst()
        : "";
    switch (operation.isEmpty() ? ' ' : operation.charAt(0)) {
      case '-' -> word.append(set ? value : alternative);
      case '+' -> word.append(set ? alternative : "");
      default -> throw new IllegalArgumentException("unsupported modifier (" + modifier + ") in substitution of "
          + name);
    }
  }

  private int matchingBrace() {
    int depth = 1;
    for (int i = position; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("missing '}' in substitution in " + text);
  }

  private String name() {
    int start = position;
    while (position < text.length()) {
      char c = text.charAt(position);
      boolean letter = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!letter && !(position > start && c >= '0' && c <= '9')) {
        break;
      }
      position++;
    }
    return text.substring(start, position);
  }
}
