package dev.berth.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

/** One {@link FakeService} for each service behind the gateway, registered as its base URL. */
public final class FakeServices implements AutoCloseable {

  private final FakeService engine = new FakeService("engine");
  private final FakeService image = new FakeService("image");
  private final FakeService registry = new FakeService("registry");

  public void register(DynamicPropertyRegistry properties) {
    properties.add("berth.gateway.services.engine", engine::url);
    properties.add("berth.gateway.services.image", image::url);
    properties.add("berth.gateway.services.registry", registry::url);
  }

  public FakeService engine() {
    return engine;
  }

  public FakeService image() {
    return image;
  }

  public FakeService registry() {
    return registry;
  }

  @Override
  public void close() {
    engine.close();
    image.close();
    registry.close();
  }
}
