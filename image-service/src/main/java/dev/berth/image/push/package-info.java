/**
 * Pushing local images to registries ({@code docker push}): layers the registry has are skipped,
 * layers the store knows in another repository of the same registry are cross-mounted, the rest
 * are uploaded (in chunks when large), then the config and the stored manifest bytes, so the
 * pushed digest is the one the image was pulled with; progress is reported per layer.
 */
package dev.berth.image.push;
