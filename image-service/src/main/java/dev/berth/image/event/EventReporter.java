package dev.berth.image.event;

import dev.berth.image.ImageProperties;
import dev.berth.oci.OciJson;
import dev.berth.platform.ReportPusher;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reports the outbox's image events to engine-service ({@code berth.image.engine}) as source {@code image-service}. */
@Component
class EventReporter extends ReportPusher<ImageEvents.Pending> {

  private final ImageEvents events;

  EventReporter(ImageEvents events, ImageProperties properties) {
    super(properties.engine() == null ? null
            : URI.create(properties.engine().toString().replaceAll("/+$", "") + "/api/v1/events?source=image-service"),
        properties.requestTimeout(), OciJson.mapper());
    this.events = events;
  }

  @Override
  protected List<ImageEvents.Pending> pending(int limit) {
    return events.pending(limit);
  }

  @Override
  protected void acknowledged(List<ImageEvents.Pending> batch) {
    events.acknowledged(batch.getLast().sequence());
  }

  @Override
  protected void awaitMore(long timeoutMillis) throws InterruptedException {
    events.awaitMore(timeoutMillis);
  }
}
