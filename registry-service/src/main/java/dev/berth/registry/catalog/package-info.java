/** {@code GET /v2/_catalog}: repositories holding manifests, paginated as tag listings are. */
package dev.berth.registry.catalog;
