package dev.berth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTest {

  private final RequestIdFilter filter = new RequestIdFilter();
  private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/containers");
  private final MockHttpServletResponse response = new MockHttpServletResponse();
  private final AtomicReference<String> logged = new AtomicReference<>();
  private final MockFilterChain chain = new MockFilterChain(new HttpServlet() {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) {
      logged.set(MDC.get(RequestIdFilter.MDC_KEY));
    }
  });

  @Test
  void logsTheRequestUnderTheIdTheGatewaySentAndEchoesIt() throws Exception {
    request.addHeader("X-Request-Id", "gw-7.a_b");

    filter.doFilter(request, response, chain);

    assertThat(logged.get()).isEqualTo("gw-7.a_b");
    assertThat(response.getHeader("X-Request-Id")).isEqualTo("gw-7.a_b");
    assertThat(MDC.get(RequestIdFilter.MDC_KEY)).isNull();
  }

  @Test
  void makesAnIdWhenNoneOrAnInsaneOneWasSent() throws Exception {
    request.addHeader("X-Request-Id", "x".repeat(65));

    filter.doFilter(request, response, chain);

    assertThat(logged.get()).matches("[0-9a-f-]{36}").isEqualTo(response.getHeader("X-Request-Id"));
  }

  @Test
  void printsTheRequestIdAfterTheLevelOnlyWhileARequestIsServed() {
    LoggerContext context = new LoggerContext();
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern(PlatformDefaults.LOG_LEVEL_PATTERN + " %m");
    layout.start();
    LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.INFO,
        "hello", null, null);

    event.setMDCPropertyMap(Map.of(RequestIdFilter.MDC_KEY, "gw-7"));
    assertThat(layout.doLayout(event)).isEqualTo(" INFO gw-7 hello");
    LoggingEvent outside = new LoggingEvent("test", context.getLogger("test"), Level.INFO,
        "hello", null, null);
    outside.setMDCPropertyMap(Map.of());
    assertThat(layout.doLayout(outside)).isEqualTo(" INFO hello");
  }
}
