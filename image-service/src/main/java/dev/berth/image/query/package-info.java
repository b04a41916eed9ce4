/**
 * Questions about the local images: the list narrowed by {@code docker images} filters (reference
 * globs, dangling, labels, before/since), the history of an image as {@code docker history} shows it,
 * and disk usage (blob bytes, per image size shared with other images and unique to it, bytes that
 * pruning dangling images would reclaim).
 */
package dev.berth.image.query;
