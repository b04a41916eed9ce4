package dev.berth.oci.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One authentication challenge of a {@code WWW-Authenticate} header
 * (<a href="https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1">RFC 9110 §11.6.1</a>), e.g.
 * {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/httpd:pull"}
 * as described by <a href="https://distribution.github.io/distribution/spec/auth/token/">the token
 * authentication spec</a>.
 *
 * @param scheme     the auth scheme, lower-cased ({@code bearer}, {@code basic})
 * @param parameters the auth parameters, names lower-cased, quoted values unescaped
 */
public record Challenge(String scheme, Map<String, String> parameters) {

  public Challenge {
    scheme = scheme.toLowerCase(Locale.ROOT);
    parameters = Map.copyOf(parameters);
  }

  /** Whether this is a {@code Bearer} challenge. */
  public boolean isBearer() {
    return scheme.equals("bearer");
  }

  /** Whether this is a {@code Basic} challenge. */
  public boolean isBasic() {
    return scheme.equals("basic");
  }

  /** The {@code realm} parameter, or null. */
  public String realm() {
    return parameters.get("realm");
  }

  /** The {@code service} parameter, or null. */
  public String service() {
    return parameters.get("service");
  }

  /** The scopes of the {@code scope} parameter, which may hold several separated by spaces. */
  public List<String> scopes() {
    String scope = parameters.get("scope");
    return scope == null || scope.isBlank() ? List.of() : Arrays.stream(scope.trim().split(" +")).toList();
  }

  /** All challenges in the values of one or more {@code WWW-Authenticate} headers. */
  public static List<Challenge> parseAll(List<String> headerValues) {
    List<Challenge> challenges = new ArrayList<>();
    for (String value : headerValues) {
      challenges.addAll(parse(value));
    }
    return List.copyOf(challenges);
  }

  /**
   * The challenges in one {@code WWW-Authenticate} value; several may be listed, separated by
   * commas. Malformed trailing input is ignored rather than failing the whole header.
   */
  public static List<Challenge> parse(String headerValue) {
    List<Challenge> challenges = new ArrayList<>();
    Cursor in = new Cursor(headerValue == null ? "" : headerValue);
    while (true) {
      in.skip(" \t,");
      if (in.atEnd()) {
        break;
      }
      String scheme = in.token();
      if (scheme.isEmpty()) {
        in.position++;
        continue;
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      boolean first = true;
      while (true) {
        in.skip(" \t");
        int mark = in.position;
        String name = in.token();
        in.skip(" \t");
        if (name.isEmpty() || !in.peek('=') || in.peekAt(1, '=') || in.atEndAfter(1)) {
          in.position = mark;
          if (first && !name.isEmpty() && in.skipToken68()) {
            parameters.put("token68", in.text.substring(mark, in.position).trim());
          }
          break;
        }
        in.position++;
        in.skip(" \t");
        parameters.put(name.toLowerCase(Locale.ROOT), in.peek('"') ? in.quoted() : in.token());
        first = false;
        in.skip(" \t");
        if (!in.peek(',')) {
          break;
        }
        in.position++;
      }
      challenges.add(new Challenge(scheme, parameters));
    }
    return List.copyOf(challenges);
  }

  /** A position in the header text with the RFC 9110 token and quoted-string productions. */
  private static final class Cursor {
    private static final String TCHAR = "!#$%&'*+-.^_`|~";
    private final String text;
    private int position;

    Cursor(String text) {
      this.text = text;
    }

    boolean peek(char c) {
      return position < text.length() && text.charAt(position) == c;
    }

    boolean peekAt(int ahead, char c) {
      return position + ahead < text.length() && text.charAt(position + ahead) == c;
    }

    boolean atEndAfter(int ahead) {
      int p = position + ahead;
      while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
        p++;
      }
      return p >= text.length() || text.charAt(p) == ',';
    }

    void skip(String chars) {
      while (position < text.length() && chars.indexOf(text.charAt(position)) >= 0) {
        position++;
      }
    }

    boolean atEnd() {
      return position >= text.length();
    }

    String token() {
      int start = position;
      while (position < text.length() && isTokenChar(text.charAt(position))) {
        position++;
      }
      return text.substring(start, position);
    }

    /** Skips a token68 ({@code [A-Za-z0-9-._~+/]+=*}); true when one was there. */
    boolean skipToken68() {
      int start = position;
      while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
          || "-._~+/".indexOf(text.charAt(position)) >= 0)) {
        position++;
      }
      skip("=");
      return position > start;
    }

    String quoted() {
      StringBuilder value = new StringBuilder();
      position++;
      while (position < text.length() && text.charAt(position) != '"') {
        char c = text.charAt(position++);
        if (c == '\\' && position < text.length()) {
          c = text.charAt(position++);
        }
        value.append(c);
      }
      position++;
      return value.toString();
    }

    private static boolean isTokenChar(char c) {
      return c < 128 && (Character.isLetterOrDigit(c) || TCHAR.indexOf(c) >= 0);
    }
  }
}
