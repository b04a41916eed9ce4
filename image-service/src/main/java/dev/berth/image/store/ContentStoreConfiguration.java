package dev.berth.image.store;

import dev.berth.oci.content.ContentStore;
import dev.berth.oci.content.FilesystemContentStore;
import dev.berth.platform.BerthProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Image bytes live in a {@link FilesystemContentStore} under {@code berth.data-dir}. */
@Configuration(proxyBeanMethods = false)
class ContentStoreConfiguration {

  @Bean
  ContentStore contentStore(BerthProperties properties) {
    return new FilesystemContentStore(properties.dataDir());
  }
}
