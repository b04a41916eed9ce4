package dev.berth.image.dockerapi;

import dev.berth.oci.OciJson;
import dev.berth.platform.ForwardedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Routes Docker Engine API requests that handler mappings cannot match by themselves (transport
 * rules 1 and 4 of the API reference in {@code shared/reference/docker-engine-api.md}): strips the
 * {@code /v1.NN} prefix clients send (versions older than 1.24 are refused as dockerd refuses them,
 * newer ones are all accepted), and for {@code /images/<name>/<action>} and
 * {@code DELETE /images/<name>}, where the name may hold {@code /} and {@code :}, escaped or not,
 * matches the action from the right, leaves the decoded name in {@link #IMAGE_NAME} and forwards
 * the request as {@code /images/_name/<action>} (or {@code /images/_name}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class DockerRoutingFilter extends OncePerRequestFilter {

  /** Request attribute holding the image name of a name-scoped route, percent-decoded. */
  public static final String IMAGE_NAME = "dev.berth.image.dockerapi.imageName";

  /** Path the controllers of name-scoped image routes are mapped under. */
  public static final String NAME_ROUTE = "/images/_name";

  /** The oldest API version dockerd 28 still serves. */
  static final int MIN_API_MINOR = 24;

  private static final Pattern VERSION = Pattern.compile("/v1\\.(\\d{1,4})(/.*)");
  private static final Pattern ACTION = Pattern.compile("/images/(.+)/(json|history|tag|push|get)");
  private static final Pattern NAME = Pattern.compile("/images/(.+)");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String route = path;
    Matcher version = VERSION.matcher(path);
    if (version.matches()) {
      int minor = Integer.parseInt(version.group(1));
      if (minor < MIN_API_MINOR) {
        refuse(response, "client version 1." + minor + " is too old. Minimum supported API version is 1."
            + MIN_API_MINOR + ", please upgrade your client to a newer version");
        return;
      }
      route = version.group(2);
    }
    Matcher name = NAME.matcher(route);
    Matcher action = ACTION.matcher(route);
    if ("DELETE".equals(request.getMethod()) && name.matches()) {
      route = named(request, name.group(1), NAME_ROUTE);
    } else if (action.matches()) {
      route = named(request, action.group(1), NAME_ROUTE + "/" + action.group(2));
    }
    if (route == null) {
      refuse(response, "invalid escape in image name of " + path);
    } else if (route.equals(path)) {
      chain.doFilter(request, response);
    } else {
      chain.doFilter(new ForwardedRequest(request, request.getContextPath() + route), response);
    }
  }

  /** Keeps the decoded {@code name} for the controller and returns {@code route}; null when it cannot be decoded. */
  private static String named(HttpServletRequest request, String name, String route) {
    try {
      request.setAttribute(IMAGE_NAME, UriUtils.decode(name, StandardCharsets.UTF_8));
      return route;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getOutputStream().write(OciJson.mapper().writeValueAsBytes(new ErrorResponse(message)));
  }
}
