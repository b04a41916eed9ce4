package dev.berth.oci.client;

import java.util.List;

/**
 * The manifest, blob, repository or upload session does not exist (HTTP 404, codes such as
 * {@code MANIFEST_UNKNOWN}, {@code BLOB_UNKNOWN}, {@code NAME_UNKNOWN}, {@code BLOB_UPLOAD_UNKNOWN}),
 * or an index has no manifest for the requested platform.
 */
public final class NotFoundException extends RegistryException {

  public NotFoundException(String message, int status, List<RegistryError> errors) {
    super(message, status, errors);
  }
}
