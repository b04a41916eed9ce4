package dev.berth.registry.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

class PaginationTest {

  @Test
  void returnsEverythingWithoutLinkWhenUnlimited() {
    Pagination pagination = Pagination.of(null, null, null);
    List<String> rows = List.of("a", "b", "c");

    assertThat(pagination.fetchSize()).isEqualTo(Integer.MAX_VALUE);
    assertThat(pagination.page(rows)).isEqualTo(rows);
    assertThat(pagination.nextLink("/v2/x/tags/list", rows)).isNull();
  }

  @Test
  void fetchesOneMoreThanThePageToLearnWhetherAnotherFollows() {
    Pagination pagination = Pagination.of("2", "b", null);

    assertThat(pagination.fetchSize()).isEqualTo(3);
    assertThat(pagination.last()).isEqualTo("b");
    assertThat(pagination.page(List.of("c", "d", "e"))).containsExactly("c", "d");
    assertThat(pagination.nextLink("/v2/x/tags/list", List.of("c", "d", "e")))
        .isEqualTo("</v2/x/tags/list?n=2&last=d>; rel=\"next\"");
  }

  @Test
  void sendsNoLinkWhenNothingFollows() {
    Pagination pagination = Pagination.of("2", null, null);

    assertThat(pagination.page(List.of("a", "b"))).containsExactly("a", "b");
    assertThat(pagination.nextLink("/v2/_catalog", List.of("a", "b"))).isNull();
  }

  @Test
  void sendsNoLinkForEmptyPage() {
    Pagination pagination = Pagination.of("0", null, 1000);

    assertThat(pagination.limit()).isZero();
    assertThat(pagination.page(List.of("a"))).isEmpty();
    assertThat(pagination.nextLink("/v2/_catalog", List.of("a"))).isNull();
  }

  @Test
  void encodesLastOfPageInLink() {
    Pagination pagination = Pagination.of("1", null, null);

    assertThat(pagination.nextLink("/v2/_catalog", List.of("team/app api", "z")))
        .isEqualTo("</v2/_catalog?n=1&last=team%2Fapp+api>; rel=\"next\"");
  }

  @Test
  void appliesDefaultLimitWhenNIsAbsentOrEmpty() {
    assertThat(Pagination.of(null, "", 1000)).isEqualTo(new Pagination(1000, null));
    assertThat(Pagination.of("", null, 1000)).isEqualTo(new Pagination(1000, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "many", "1.5", "99999999999"})
  void refusesPageSizeThatIsNoNonNegativeInteger(String n) {
    assertThatThrownBy(() -> Pagination.of(n, null, null))
        .isInstanceOfSatisfying(DistributionException.class,
            e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
  }
}
