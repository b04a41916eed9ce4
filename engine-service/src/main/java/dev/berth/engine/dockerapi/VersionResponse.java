package dev.berth.engine.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Docker's {@code GET /version} body: the top-level fields and the same again as the Engine component. */
record VersionResponse(
    @JsonProperty("Platform") Map<String, String> platform,
    @JsonProperty("Components") List<Component> components,
    @JsonProperty("Version") String version,
    @JsonProperty("ApiVersion") String apiVersion,
    @JsonProperty("MinAPIVersion") String minApiVersion,
    @JsonProperty("GitCommit") String gitCommit,
    @JsonProperty("GoVersion") String goVersion,
    @JsonProperty("Os") String os,
    @JsonProperty("Arch") String arch,
    @JsonProperty("KernelVersion") String kernelVersion,
    @JsonProperty("Experimental") boolean experimental,
    @JsonProperty("BuildTime") String buildTime) {

  /** One component of the server; Details values are all strings, as dockerd sends them. */
  record Component(@JsonProperty("Name") String name, @JsonProperty("Version") String version,
      @JsonProperty("Details") Map<String, String> details) {
  }
}
