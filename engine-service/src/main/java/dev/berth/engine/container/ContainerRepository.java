package dev.berth.engine.container;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Container records. */
public interface ContainerRepository extends JpaRepository<ContainerEntity, String> {

  Optional<ContainerEntity> findByName(String name);

  List<ContainerEntity> findByNode(String node);

  /** Containers by ID prefix, as Docker resolves short IDs. */
  @Query("select c from ContainerEntity c where c.id like concat(:prefix, '%')")
  List<ContainerEntity> findByIdPrefix(String prefix);

  /** Deletes the record; returns how many were deleted (0 when another caller deleted it first). */
  @Modifying
  @Query("delete from ContainerEntity c where c.id = :id")
  int deleteRecord(String id);

  /** How many containers each node holds: [node, count] rows. */
  @Query("select c.node, count(c) from ContainerEntity c group by c.node")
  List<Object[]> countByNode();
}
