package dev.berth.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request seen under another path, for filters that route what handler mappings cannot match
 * by themselves (a version prefix to strip, a name that holds slashes).
 */
public final class ForwardedRequest extends HttpServletRequestWrapper {

  private final String uri;

  /** {@code request} as if it had been sent to {@code uri} (context path included, no query). */
  public ForwardedRequest(HttpServletRequest request, String uri) {
    super(request);
    this.uri = uri;
  }

  @Override
  public String getRequestURI() {
    return uri;
  }

  @Override
  public StringBuffer getRequestURL() {
    HttpServletRequest request = (HttpServletRequest) getRequest();
    StringBuffer url = new StringBuffer(request.getRequestURL());
    url.setLength(url.length() - request.getRequestURI().length());
    return url.append(uri);
  }

  @Override
  public String getServletPath() {
    return uri.substring(getContextPath().length());
  }
}
