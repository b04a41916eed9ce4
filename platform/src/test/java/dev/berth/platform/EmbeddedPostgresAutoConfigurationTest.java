package dev.berth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

class EmbeddedPostgresAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class,
          EmbeddedPostgresAutoConfiguration.class, DataSourceAutoConfiguration.class));

  @Test
  void startsEmbeddedPostgresUnderTheDataDirWhenNoUrlIsConfigured(@TempDir Path dataDir) {
    runner.withPropertyValues("berth.data-dir=" + dataDir, "spring.datasource.hikari.maximum-pool-size=3")
        .run(context -> {
          assertThat(context).hasSingleBean(EmbeddedPostgres.class);
          assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
          JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
          assertThat(jdbc.queryForObject("SELECT current_setting('server_version_num')::int", Integer.class))
              .isGreaterThanOrEqualTo(140000);
          assertThat(context.getBean(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize()).isEqualTo(3);
        });
  }

  @Test
  void keepsDataAcrossRestarts(@TempDir Path dataDir) {
    runner.withPropertyValues("berth.data-dir=" + dataDir).run(context ->
        new JdbcTemplate(context.getBean(DataSource.class)).execute("CREATE TABLE kept (id int)"));
    runner.withPropertyValues("berth.data-dir=" + dataDir).run(context ->
        assertThat(new JdbcTemplate(context.getBean(DataSource.class))
            .queryForObject("SELECT count(*) FROM kept", Integer.class)).isZero());
  }

  @Test
  void stepsAsideWhenADatabaseUrlIsConfigured(@TempDir Path dataDir) {
    runner.withPropertyValues("berth.data-dir=" + dataDir, "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none")
        .run(context -> {
          assertThat(context).doesNotHaveBean(EmbeddedPostgres.class);
          assertThat(dataDir.resolve("postgres")).doesNotExist();
        });
  }
}
