/** Tags: names pointing at manifests, and the paginated tag listing (end-8). */
package dev.berth.registry.tag;
