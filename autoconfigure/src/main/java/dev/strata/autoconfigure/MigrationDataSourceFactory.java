package dev.strata.autoconfigure;

import java.util.Properties;

import javax.sql.DataSource;

import dev.strata.ConnectionSettings;
import dev.strata.internal.JdbcUrls;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Chooses the DataSource Strata migrates with, in the order Spring Boot users know from
 * Flyway: a {@link StrataDataSource} bean; else {@code strata.url} (with
 * {@code strata.user} and {@code strata.password}); else the application's DataSource
 * with {@code strata.user}'s credentials; else the application's DataSource itself.
 * Dedicated ones are unpooled: Strata needs two connections for a few seconds.
 */
final class MigrationDataSourceFactory {

	private final StrataProperties properties;

	private final @Nullable String sessionName;

	MigrationDataSourceFactory(StrataProperties properties) {
		this(properties, null);
	}

	/**
	 * @param sessionName the {@code application_name} of the DataSources Strata opens
	 * itself ({@code strata.url}, {@code strata.user}), {@code null} for the driver's
	 */
	MigrationDataSourceFactory(StrataProperties properties, @Nullable String sessionName) {
		this.properties = properties;
		this.sessionName = sessionName;
	}

	DataSource create(@Nullable DataSource strataDataSource, @Nullable DataSource applicationDataSource) {
		if (strataDataSource != null) {
			return strataDataSource;
		}
		if (StringUtils.hasText(this.properties.getUrl())) {
			// A password written into the URL becomes a connection property, so no
			// library logs it with the URL.
			JdbcUrls.PasswordSplit url = JdbcUrls.splitPassword(this.properties.getUrl());
			DataSourceBuilder<?> builder = DataSourceBuilder.create().type(SimpleDriverDataSource.class);
			builder.url(url.url());
			withCredentials(builder);
			if (this.properties.getPassword() == null && url.password() != null) {
				builder.password(url.password());
			}
			return named(builder.build());
		}
		if (StringUtils.hasText(this.properties.getUser()) && applicationDataSource != null) {
			DataSourceBuilder<?> builder = DataSourceBuilder.derivedFrom(applicationDataSource)
				.type(SimpleDriverDataSource.class);
			return named(withCredentials(builder).build());
		}
		if (applicationDataSource == null) {
			throw new IllegalStateException("Strata has no DataSource to migrate: define one DataSource bean (or mark"
					+ " one with @StrataDataSource), or set strata.url");
		}
		return applicationDataSource;
	}

	/**
	 * Which properties configure the DataSource {@link #create} chooses, in the same
	 * order, for the messages of a failed connection.
	 * @param springDatasourceUrl whether {@code spring.datasource.url} is set
	 */
	ConnectionSettings settings(@Nullable DataSource strataDataSource, boolean springDatasourceUrl) {
		if (strataDataSource != null) {
			return new ConnectionSettings("the URL of the @StrataDataSource DataSource bean", "its user and password");
		}
		String applicationUrl = springDatasourceUrl ? "spring.datasource.url" : "the application DataSource's URL";
		if (StringUtils.hasText(this.properties.getUrl())) {
			return new ConnectionSettings("strata.url", "strata.user and strata.password");
		}
		if (StringUtils.hasText(this.properties.getUser())) {
			return new ConnectionSettings(applicationUrl, "strata.user and strata.password");
		}
		return new ConnectionSettings(applicationUrl,
				springDatasourceUrl ? "spring.datasource.username and spring.datasource.password"
						: "the application DataSource's user and password");
	}

	/**
	 * Strata's own connections carry its {@code application_name} from the start, so they
	 * show as Strata's in {@code pg_stat_activity}; an {@code ApplicationName} in the URL
	 * wins.
	 */
	private DataSource named(DataSource dataSource) {
		if (this.sessionName != null && dataSource instanceof SimpleDriverDataSource simple) {
			Properties properties = new Properties();
			properties.setProperty("ApplicationName", this.sessionName);
			simple.setConnectionProperties(properties);
		}
		return dataSource;
	}

	private DataSourceBuilder<?> withCredentials(DataSourceBuilder<?> builder) {
		builder.username(this.properties.getUser());
		builder.password(this.properties.getPassword());
		if (StringUtils.hasText(this.properties.getDriverClassName())) {
			builder.driverClassName(this.properties.getDriverClassName());
		}
		return builder;
	}

}
