package dev.berth.registry.blob;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's socket write buffer, {@value BlobController#WRITE_SIZE} bytes and direct, so a blob
 * body goes to the socket in writes that large (Tomcat cuts every response into writes of its
 * buffer's size; 8 KiB by default) and without a copy into a temporary direct buffer. Tomcat gives
 * each open connection its buffers, so this costs that much native memory per connection.
 */
@Configuration(proxyBeanMethods = false)
class SocketBufferConfiguration {

  @Bean
  TomcatConnectorCustomizer blobWriteBuffer() {
    return connector -> {
      connector.setProperty("socket.appWriteBufSize", Integer.toString(BlobController.WRITE_SIZE));
      connector.setProperty("socket.directBuffer", "true");
    };
  }
}
