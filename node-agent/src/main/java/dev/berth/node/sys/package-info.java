/**
 * The few system calls the agent needs that Java NIO lacks: mount and unmount (overlayfs, bind),
 * unshare, setns and an interface-flags ioctl (network namespaces), mknod, lchown, lutimes, kill,
 * extended attributes (the {@code trusted.*} namespace overlayfs uses), syncfs and
 * {@code SOCK_SEQPACKET} Unix sockets (conmon's attach socket) and statx (is a path a mount point), through
 * jnr-posix and jnr-ffi. Nothing else in the agent binds native code.
 */
package dev.berth.node.sys;
