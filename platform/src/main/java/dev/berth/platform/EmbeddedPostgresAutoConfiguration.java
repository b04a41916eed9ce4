package dev.berth.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setServerConfig("max_connections", "100")
        .start();
    log.info("No spring.datasource.url configured: started embedded PostgreSQL (development default) "
        + "on 127.0.0.1:{} with data in {}", postgres.getPort(), dir);
    return postgres;
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
