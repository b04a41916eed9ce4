package dev.berth.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {

  @Test
  void printsTypeNameAndSortedActions() {
    assertThat(Scope.pull("library/httpd")).hasToString("repository:library/httpd:pull");
    assertThat(Scope.push("library/httpd")).hasToString("repository:library/httpd:pull,push");
    assertThat(Scope.parse("repository:foo:push,pull")).isEqualTo(Scope.push("foo"));
  }

  @Test
  void parsesNamesContainingColonsAndCatalogScopes() {
    Scope catalog = Scope.parse("registry:catalog:*");
    Scope plugin = Scope.parse("repository(plugin):host:5000/foo:pull");

    assertThat(catalog.resourceType()).isEqualTo("registry");
    assertThat(catalog.actions()).containsExactly("*");
    assertThat(plugin.resourceName()).isEqualTo("host:5000/foo");
  }

  @Test
  void mergesActionsOnTheSameResource() {
    List<Scope> merged = Scope.merge(List.of(Scope.pull("a"), Scope.pull("b"), Scope.parse("repository:a:push")));

    assertThat(merged).containsExactly(Scope.push("a"), Scope.pull("b"));
  }

  @Test
  void rejectsScopesWithoutThreeParts() {
    assertThatThrownBy(() -> Scope.parse("repository:foo")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Scope.parse(":foo:pull")).isInstanceOf(IllegalArgumentException.class);
  }
}
