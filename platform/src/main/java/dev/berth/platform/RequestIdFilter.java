package dev.berth.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs every request under its id: the {@code X-Request-Id} the gateway (or a client) sent when it
 * is at most 64 characters of {@code [A-Za-z0-9._-]}, else a new one, is in the SLF4J MDC as
 * {@value #MDC_KEY} while the request is served (the log pattern of {@link PlatformDefaults} prints
 * it) and is echoed on the response. First of all filters, so that even refused requests carry it.
 */
public class RequestIdFilter extends OncePerRequestFilter implements Ordered {

  /** The header carrying the request id. */
  public static final String HEADER = "X-Request-Id";
  /** The MDC key holding the request id. */
  public static final String MDC_KEY = "requestId";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String incoming = request.getHeader(HEADER);
    String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    response.setHeader(HEADER, id);
    MDC.put(MDC_KEY, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
