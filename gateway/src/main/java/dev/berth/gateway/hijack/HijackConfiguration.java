package dev.berth.gateway.hijack;

import dev.berth.gateway.GatewayProperties;
import java.net.InetSocketAddress;
import java.net.URI;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Puts a {@link HijackHandler} after the HTTP codec of every connection the gateway accepts. */
@Configuration(proxyBeanMethods = false)
class HijackConfiguration {

  @Bean
  NettyServerCustomizer hijackingServer(GatewayProperties properties) {
    URI engine = properties.services().engine();
    InetSocketAddress upstream = InetSocketAddress.createUnresolved(engine.getHost(),
        engine.getPort() == -1 ? 80 : engine.getPort());
    int connectTimeoutMillis = (int) properties.connectTimeout().toMillis();
    return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
      if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
        channel.pipeline().addAfter(NettyPipeline.HttpCodec, HijackHandler.NAME,
            new HijackHandler(upstream, connectTimeoutMillis));
      }
    });
  }
}
