/** Repositories: the namespaces content is pushed to, created on first push. */
package dev.berth.registry.repository;
