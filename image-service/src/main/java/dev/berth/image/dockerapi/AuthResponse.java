package dev.berth.image.dockerapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a successful {@code POST /auth}.
 *
 * @param status {@code Login Succeeded}
 * @param identityToken empty: the CLI then keeps the username and password it logged in with
 */
record AuthResponse(@JsonProperty("Status") String status, @JsonProperty("IdentityToken") String identityToken) {
}
