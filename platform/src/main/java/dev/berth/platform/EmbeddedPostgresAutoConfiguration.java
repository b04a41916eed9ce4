package dev.berth.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The development default: with no {@code spring.datasource.url}, run PostgreSQL embedded
 * (zonky) with its data under {@code <berth.data-dir>/postgres}, kept across restarts, and say so
 * in the log. With a URL, Spring Boot's own DataSource configuration applies.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class, after = PlatformAutoConfiguration.class)
@ConditionalOnClass(EmbeddedPostgres.class)
@Conditional(NoDataSourceUrlCondition.class)
public class EmbeddedPostgresAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  EmbeddedPostgres embeddedPostgres(BerthProperties properties) throws IOException {
    Path dir = properties.dataDir().resolve("postgres");
    Files.createDirectories(dir);
    stopOrphan(dir);
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setServerConfig("max_connections", "100")
        .start();
    log.info("No spring.datasource.url configured: started embedded PostgreSQL (development default) "
        + "on 127.0.0.1:{} with data in {}", postgres.getPort(), dir);
    return postgres;
  }

  /**
   * A service killed without a chance to stop its embedded PostgreSQL (SIGKILL, OOM) leaves the
   * server running on the data directory, which would keep the next one from starting: it is shut
   * down first (SIGTERM: no client is left).
   */
  private static void stopOrphan(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
    if (!first.matches("\\d+")) {
      return;
    }
    Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(first))
        .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
    if (orphan.isEmpty()) {
      return;
    }
    log.info("Stopping the embedded PostgreSQL (pid {}) a previous run left on {}", first, dir);
    orphan.get().destroy();
    try {
      orphan.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the orphaned PostgreSQL " + first, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("the PostgreSQL server " + first + " left on " + dir + " does not stop", e);
    }
  }

  /** Pool settings come from {@code spring.datasource.hikari.*}, as for any other database. */
  @Bean
  @ConditionalOnMissingBean(DataSource.class)
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setPoolName("berth-embedded");
    return dataSource;
  }
}
