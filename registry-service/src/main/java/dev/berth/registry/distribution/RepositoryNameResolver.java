package dev.berth.registry.distribution;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands controllers the {@link RepositoryName} that {@link RepositoryRoutingFilter} routed on, validated. */
class RepositoryNameResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == RepositoryName.class;
  }

  @Override
  public RepositoryName resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
    Object raw = webRequest.getAttribute(RepositoryName.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (raw == null) {
      throw new DistributionException(ErrorCode.NAME_INVALID, "request names no repository");
    }
    return new RepositoryName((String) raw);
  }
}
