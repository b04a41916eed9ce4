package dev.berth.registry.distribution;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Routes {@code /v2/<name>/<endpoint>} where {@code <name>} may span several path components
 * ({@code team/app/api}), which handler mappings cannot match: the endpoint suffix is matched from
 * the right, the name left in a request attribute, and the request forwarded as
 * {@code /v2/_repository/<endpoint>}. Also sets {@code Docker-Distribution-API-Version} on every
 * {@code /v2} response.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RepositoryRoutingFilter extends OncePerRequestFilter {

  /** Path prefix the controllers of repository-scoped endpoints are mapped under. */
  public static final String PREFIX = "/v2/_repository/";

  static final String API_VERSION_HEADER = "Docker-Distribution-API-Version";

  private static final Pattern ROUTE = Pattern.compile(
      "/v2/(.+)/(blobs/uploads/?[^/]*|blobs/[^/]+|manifests/[^/]+|tags/list|referrers/[^/]+)");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !path(request).startsWith("/v2");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(API_VERSION_HEADER, "registry/2.0");
    Matcher route = ROUTE.matcher(path(request));
    if (!route.matches() || route.group(1).startsWith("_repository")) {
      chain.doFilter(request, response);
      return;
    }
    request.setAttribute(RepositoryName.ATTRIBUTE, route.group(1));
    String rewritten = request.getContextPath() + PREFIX + route.group(2);
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public String getRequestURI() {
        return rewritten;
      }

      @Override
      public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer(request.getRequestURL());
        url.setLength(url.length() - request.getRequestURI().length());
        return url.append(rewritten);
      }

      @Override
      public String getServletPath() {
        return rewritten.substring(request.getContextPath().length());
      }
    }, response);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
