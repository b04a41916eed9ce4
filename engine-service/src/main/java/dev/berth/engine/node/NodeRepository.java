package dev.berth.engine.node;

import org.springframework.data.jpa.repository.JpaRepository;

/** Known nodes by name. */
public interface NodeRepository extends JpaRepository<NodeEntity, String> {
}
