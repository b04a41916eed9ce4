package dev.berth.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for OCI wire types: unknown fields are tolerated on read, absent fields are left
 * out on write.
 */
public final class OciJson {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .changeDefaultPropertyInclusion(incl -> incl
          .withValueInclusion(JsonInclude.Include.NON_NULL)
          .withContentInclusion(JsonInclude.Include.NON_NULL))
      .build();

  private OciJson() {
  }

  public static JsonMapper mapper() {
    return MAPPER;
  }
}
