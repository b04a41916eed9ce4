package dev.berth.registry.distribution;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The {@code n}/{@code last} pagination of tag and catalog listings
 * (<a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.1/spec.md#listing-tags">spec</a>):
 * lexical order, {@code last} exclusive, and a {@code Link: <...>; rel="next"} header when a full
 * page was returned and more may follow.
 *
 * @param limit the page size, or null for no limit
 * @param last the last item of the previous page, or null
 */
public record Pagination(Integer limit, String last) {

  /** Parses the {@code n} and {@code last} query parameters; a malformed {@code n} is refused. */
  public static Pagination of(String n, String last, Integer defaultLimit) {
    Integer limit = defaultLimit;
    if (n != null && !n.isEmpty()) {
      try {
        limit = Integer.parseInt(n);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 0) {
        throw new DistributionException(ErrorCode.UNSUPPORTED, org.springframework.http.HttpStatus.BAD_REQUEST,
            "n must be a non-negative integer, was " + n, Map.of("n", n));
      }
    }
    return new Pagination(limit, last == null || last.isEmpty() ? null : last);
  }

  /** How many rows to fetch: one more than the page, to learn whether another page follows. */
  public int fetchSize() {
    return limit == null ? Integer.MAX_VALUE : limit + 1;
  }

  /** The page of {@code rows} fetched with {@link #fetchSize()}. */
  public List<String> page(List<String> rows) {
    return limit == null || rows.size() <= limit ? rows : rows.subList(0, limit);
  }

  /** The {@code Link} header value for the page after {@code rows}, or null when there is none. */
  public String nextLink(String path, List<String> rows) {
    if (limit == null || limit == 0 || rows.size() <= limit) {
      return null;
    }
    String lastOfPage = rows.get(limit - 1);
    return "<" + path + "?n=" + limit + "&last=" + URLEncoder.encode(lastOfPage, StandardCharsets.UTF_8)
        + ">; rel=\"next\"";
  }
}
