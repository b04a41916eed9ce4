package dev.berth.registry.upload;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Upload session rows. */
public interface UploadRepository extends JpaRepository<UploadEntity, UUID> {

  /** The session {@code id} if it belongs to repository {@code name}. */
  @Query(value = """
      SELECT u.* FROM upload u JOIN repository r ON r.id = u.repository_id
      WHERE u.id = :id AND r.name = :name""", nativeQuery = true)
  Optional<UploadEntity> findInRepository(UUID id, String name);

  /** Sessions idle for longer than {@code seconds}. */
  @Query(value = "SELECT u.id FROM upload u WHERE u.updated_at < now() - make_interval(secs => :seconds)",
      nativeQuery = true)
  List<UUID> findIdleIds(double seconds);
}
