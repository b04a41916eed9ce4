package dev.berth.oci.client;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An access scope of the token authentication spec,
 * <a href="https://distribution.github.io/distribution/spec/auth/scope/">{@code type:name:actions}</a>,
 * e.g. {@code repository:library/httpd:pull,push}.
 *
 * @param resourceType e.g. {@code repository} or {@code registry}
 * @param resourceName e.g. the repository path {@code library/httpd}, or {@code catalog}
 * @param actions      e.g. {@code pull}, {@code push}, {@code delete}, {@code *}; kept sorted
 */
public record Scope(String resourceType, String resourceName, SortedSet<String> actions) {

  public Scope {
    actions = Collections.unmodifiableSortedSet(new TreeSet<>(actions));
  }

  /** {@code repository:<repository>:pull}. */
  public static Scope pull(String repository) {
    return new Scope("repository", repository, new TreeSet<>(List.of("pull")));
  }

  /** {@code repository:<repository>:pull,push}: pushing needs both, as the Docker CLI asks. */
  public static Scope push(String repository) {
    return new Scope("repository", repository, new TreeSet<>(List.of("pull", "push")));
  }

  /**
   * Parses {@code type:name:actions}; the name may itself contain colons.
   *
   * @throws IllegalArgumentException when there are fewer than three parts
   */
  public static Scope parse(String value) {
    int first = value.indexOf(':');
    int last = value.lastIndexOf(':');
    if (first <= 0 || last == first) {
      throw new IllegalArgumentException("invalid scope \"" + value + "\": expected type:name:actions");
    }
    TreeSet<String> actions = new TreeSet<>();
    for (String action : value.substring(last + 1).split(",")) {
      if (!action.isBlank()) {
        actions.add(action.trim());
      }
    }
    return new Scope(value.substring(0, first), value.substring(first + 1, last), actions);
  }

  /** The scopes with the actions of scopes on the same resource combined, in first-seen order. */
  public static List<Scope> merge(Collection<Scope> scopes) {
    Map<String, Scope> merged = new LinkedHashMap<>();
    for (Scope scope : scopes) {
      merged.merge(scope.resourceType + ":" + scope.resourceName, scope, (a, b) -> {
        TreeSet<String> actions = new TreeSet<>(a.actions);
        actions.addAll(b.actions);
        return new Scope(a.resourceType, a.resourceName, actions);
      });
    }
    return List.copyOf(merged.values());
  }

  @Override
  public String toString() {
    return resourceType + ":" + resourceName + ":" + String.join(",", actions);
  }
}
