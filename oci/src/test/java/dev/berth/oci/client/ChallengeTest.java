package dev.berth.oci.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeTest {

  @Test
  void readsABearerChallengeAsDistributionSendsIt() {
    List<Challenge> challenges = Challenge.parse(
        "Bearer realm=\"http://127.0.0.1:5003/token\",service=\"registry-test\",scope=\"repository:foo/bar:pull\"");

    assertThat(challenges).singleElement().satisfies(c -> {
      assertThat(c.isBearer()).isTrue();
      assertThat(c.realm()).isEqualTo("http://127.0.0.1:5003/token");
      assertThat(c.service()).isEqualTo("registry-test");
      assertThat(c.scopes()).containsExactly("repository:foo/bar:pull");
    });
  }

  @Test
  void keepsCommasInsideQuotedValuesAndSplitsScopesOnSpaces() {
    Challenge challenge = Challenge.parse("Bearer realm=\"https://auth.example/token\", service=\"reg\", "
        + "scope=\"repository:tok/other:push,pull repository:tok/repo:pull\"").getFirst();

    assertThat(challenge.scopes()).containsExactly("repository:tok/other:push,pull", "repository:tok/repo:pull");
    assertThat(challenge.service()).isEqualTo("reg");
  }

  @Test
  void readsSeveralChallengesInOneHeaderLikeHarborSends() {
    List<Challenge> challenges = Challenge.parse(
        "Basic realm=\"harbor\", Bearer realm=\"https://h/service/token\",service=\"harbor-registry\"");

    assertThat(challenges).hasSize(2);
    assertThat(challenges.get(0).isBasic()).isTrue();
    assertThat(challenges.get(0).realm()).isEqualTo("harbor");
    assertThat(challenges.get(1).isBearer()).isTrue();
    assertThat(challenges.get(1).service()).isEqualTo("harbor-registry");
  }

  @Test
  void readsChallengesAcrossHeaderValues() {
    List<Challenge> challenges = Challenge.parseAll(List.of("Basic realm=\"a\"", "Bearer realm=\"b\""));

    assertThat(challenges).extracting(Challenge::scheme).containsExactly("basic", "bearer");
  }

  @Test
  void ignoresCaseOfSchemeAndParameterNames() {
    Challenge challenge = Challenge.parse("BEARER Realm=\"https://x/token\",SERVICE=svc").getFirst();

    assertThat(challenge.isBearer()).isTrue();
    assertThat(challenge.realm()).isEqualTo("https://x/token");
    assertThat(challenge.service()).isEqualTo("svc");
  }

  @Test
  void unescapesQuotedStringsAndReadsTokens() {
    Challenge challenge = Challenge.parse("Basic realm=\"say \\\"hi\\\"\" , charset = UTF-8").getFirst();

    assertThat(challenge.parameters()).isEqualTo(Map.of("realm", "say \"hi\"", "charset", "UTF-8"));
  }

  @Test
  void readsSchemesWithoutParametersAndToken68() {
    assertThat(Challenge.parse("Basic")).singleElement().satisfies(c -> assertThat(c.parameters()).isEmpty());
    assertThat(Challenge.parse("Negotiate abc+/==, Basic realm=r"))
        .extracting(Challenge::scheme, Challenge::parameters)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("negotiate", Map.of("token68", "abc+/==")),
            org.assertj.core.groups.Tuple.tuple("basic", Map.of("realm", "r")));
  }

  @Test
  void toleratesEmptyAndMalformedHeaders() {
    assertThat(Challenge.parse(null)).isEmpty();
    assertThat(Challenge.parse("  ")).isEmpty();
    assertThat(Challenge.parse(", ,")).isEmpty();
    assertThat(Challenge.parse("Bearer realm=\"unterminated")).singleElement()
        .satisfies(c -> assertThat(c.realm()).isEqualTo("unterminated"));
    assertThat(Challenge.parse("=\"x\" Bearer realm=r")).extracting(Challenge::scheme).contains("bearer");
  }
}
