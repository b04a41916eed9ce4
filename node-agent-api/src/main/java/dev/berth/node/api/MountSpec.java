package dev.berth.node.api;

/**
 * A mount in the container.
 *
 * @param type {@code bind} (a host path), {@code volume} (a named volume, created when missing, or an
 *     anonymous one when the source is empty) or {@code tmpfs}
 * @param source the host path of a bind mount or the name of a volume
 * @param target the absolute path in the container
 * @param readOnly mount read-only
 * @param tmpfsSize size limit of a tmpfs mount in bytes; 0 for the kernel's default
 */
public record MountSpec(String type, String source, String target, boolean readOnly, long tmpfsSize) {
}
