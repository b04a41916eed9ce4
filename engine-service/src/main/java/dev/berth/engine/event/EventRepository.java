package dev.berth.engine.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Recorded events. */
public interface EventRepository extends JpaRepository<EventEntity, Long> {

  List<EventEntity> findByIdGreaterThanOrderByIdAsc(long id, Limit limit);

  Optional<EventEntity> findFirstByOrderByIdDesc();

  List<EventEntity> findByTimeGreaterThanEqualOrderByIdAsc(Instant since, Limit limit);

  @Modifying
  @Query("delete from EventEntity e where e.time < :before")
  int deleteOlderThan(Instant before);
}
