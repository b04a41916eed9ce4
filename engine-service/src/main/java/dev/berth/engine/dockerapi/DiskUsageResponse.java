package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Docker's {@code GET /system/df} body ({@code docker system df}). */
record DiskUsageResponse(
    @JsonProperty("LayersSize") long layersSize,
    @JsonProperty("Images") List<Image> images,
    @JsonProperty("Containers") List<ContainerSummaryResponse> containers,
    @JsonProperty("Volumes") List<Object> volumes,
    @JsonProperty("BuildCache") List<Object> buildCache) {

  /** An image with the containers using it, Docker's image summary. */
  record Image(
      @JsonProperty("Id") String id,
      @JsonProperty("ParentId") String parentId,
      @JsonProperty("RepoTags") List<String> repoTags,
      @JsonProperty("RepoDigests") List<String> repoDigests,
      @JsonProperty("Created") long created,
      @JsonProperty("Size") long size,
      @JsonProperty("SharedSize") long sharedSize,
      @JsonProperty("VirtualSize") long virtualSize,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("Containers") long containers) {
  }
}
