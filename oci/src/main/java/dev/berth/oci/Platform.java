package dev.berth.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The platform of a manifest in an index (OCI image-index.md, {@code platform}). */
public record Platform(
    String architecture,
    String os,
    @JsonProperty("os.version") String osVersion,
    @JsonProperty("os.features") List<String> osFeatures,
    String variant,
    List<String> features) {
}
