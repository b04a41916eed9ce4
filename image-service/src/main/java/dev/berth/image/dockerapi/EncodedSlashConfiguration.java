package dev.berth.image.dockerapi;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets {@code %2F} through Tomcat, which refuses it with 400 by default: docker-java escapes the
 * slashes of image names ({@code /images/127.0.0.1:5000%2Fbb/json}).
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashConfiguration {

  @Bean
  TomcatConnectorCustomizer encodedSlashDecoding() {
    return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.DECODE.getValue());
  }
}
