package dev.berth.registry.gc;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Garbage collection history. */
interface GcRunRepository extends JpaRepository<GcRunEntity, Long> {

  @Query(value = "SELECT * FROM gc_run ORDER BY id DESC LIMIT :limit", nativeQuery = true)
  List<GcRunEntity> findRecent(int limit);
}
