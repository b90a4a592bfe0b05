package dev.strata.autoconfigure;

import java.util.Properties;

import javax.sql.DataSource;

import dev.strata.ConnectionSettings;
import dev.strata.internal.JdbcUrls;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Chooses the DataSource Strata migrates with, in the order Spring Boot users know from
 * Flyway: a {@link StrataDataSource} bean; else a {@link StrataConnectionDetails} bean (a
 * service connection: Testcontainers, Docker Compose), which takes the place of the
 * {@code strata.url}, {@code strata.user} and {@code strata.password} properties; else
 * those properties: {@code strata.url}, or the application's database with
 * {@code strata.user}'s credentials; else the application's DataSource itself; else, when
 * there is none, the application's {@link JdbcConnectionDetails}. Dedicated ones are
 * unpooled: Strata needs two connections for a few seconds.
 */
final class MigrationDataSourceFactory {

	private static final Log logger = LogFactory.getLog(MigrationDataSourceFactory.class);

	private final StrataProperties properties;

	private final @Nullable String sessionName;

	private final @Nullable StrataConnectionDetails connectionDetails;

	private final @Nullable JdbcConnectionDetails jdbcConnectionDetails;

	MigrationDataSourceFactory(StrataProperties properties) {
		this(properties, null);
	}

	/**
	 * @param sessionName the {@code application_name} of the DataSources Strata opens
	 * itself ({@code strata.url}, {@code strata.user}), {@code null} for the driver's
	 */
	MigrationDataSourceFactory(StrataProperties properties, @Nullable String sessionName) {
		this(properties, sessionName, null, null);
	}

	/**
	 * @param connectionDetails the {@link StrataConnectionDetails} bean, if any
	 * @param jdbcConnectionDetails the application's {@link JdbcConnectionDetails} bean,
	 * if any
	 */
	MigrationDataSourceFactory(StrataProperties properties, @Nullable String sessionName,
			@Nullable StrataConnectionDetails connectionDetails,
			@Nullable JdbcConnectionDetails jdbcConnectionDetails) {
		this.properties = properties;
		this.sessionName = sessionName;
		this.connectionDetails = connectionDetails;
		this.jdbcConnectionDetails = jdbcConnectionDetails;
	}

	DataSource create(@Nullable DataSource strataDataSource, @Nullable DataSource applicationDataSource) {
		if (strataDataSource != null) {
			return strataDataSource;
		}
		Login login = login();
		if (StringUtils.hasText(login.url())) {
			// A password written into the URL becomes a connection property, so no
			// library logs it with the URL.
			JdbcUrls.PasswordSplit url = JdbcUrls.splitPassword(login.url());
			DataSourceBuilder<?> builder = DataSourceBuilder.create().type(SimpleDriverDataSource.class);
			builder.url(url.url());
			login.applyTo(builder);
			if (login.password() == null && url.password() != null) {
				builder.password(url.password());
			}
			return named(builder.build());
		}
		if (StringUtils.hasText(login.user())) {
			DataSourceBuilder<?> builder = applicationDatabase(applicationDataSource);
			if (builder != null) {
				return named(login.applyTo(builder.type(SimpleDriverDataSource.class)).build());
			}
		}
		if (applicationDataSource != null) {
			return applicationDataSource;
		}
		if (this.jdbcConnectionDetails != null) {
			// A service connection for the application, but no DataSource bean (yet):
			// its database, unpooled.
			JdbcConnectionDetails jdbc = this.jdbcConnectionDetails;
			return named(new Login(jdbc.getJdbcUrl(), jdbc.getUsername(), jdbc.getPassword(), jdbc.getDriverClassName())
				.applyTo(DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(jdbc.getJdbcUrl()))
				.build());
		}
		throw new IllegalStateException("Strata has no DataSource to migrate: define one DataSource bean (or mark"
				+ " one with @StrataDataSource), a StrataConnectionDetails bean, or set strata.url");
	}

	/**
	 * Which settings configure the DataSource {@link #create} chooses, in the same order,
	 * for the messages of a failed connection.
	 * @param springDatasourceUrl whether {@code spring.datasource.url} is set
	 */
	ConnectionSettings settings(@Nullable DataSource strataDataSource, boolean springDatasourceUrl) {
		if (strataDataSource != null) {
			return new ConnectionSettings("the URL of the @StrataDataSource DataSource bean", "its user and password");
		}
		String applicationUrl = springDatasourceUrl ? "spring.datasource.url" : "the application DataSource's URL";
		if (this.connectionDetails != null) {
			String bean = "the StrataConnectionDetails bean (" + this.connectionDetails.getClass().getName() + ")";
			return StringUtils.hasText(this.connectionDetails.getJdbcUrl())
					? new ConnectionSettings("the JDBC URL of " + bean, "its user and password")
					: new ConnectionSettings(applicationUrl, "the user and password of " + bean);
		}
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

	/** The service connection when there is one, else the properties. */
	private Login login() {
		StrataConnectionDetails details = this.connectionDetails;
		if (details != null) {
			if (StringUtils.hasText(this.properties.getUrl()) || StringUtils.hasText(this.properties.getUser())) {
				// Said once, at start-up: a property that seems to do nothing is a
				// puzzle.
				logger.info("strata.url and strata.user are not used: the StrataConnectionDetails bean ("
						+ details.getClass().getName() + ") takes their place (a service connection)");
			}
			return new Login(details.getJdbcUrl(), details.getUsername(), details.getPassword(),
					details.getDriverClassName());
		}
		return new Login(this.properties.getUrl(), this.properties.getUser(), this.properties.getPassword(),
				this.properties.getDriverClassName());
	}

	/**
	 * The application's database (URL and driver, not its login), from its DataSource,
	 * else its {@link JdbcConnectionDetails}.
	 */
	private @Nullable DataSourceBuilder<?> applicationDatabase(@Nullable DataSource applicationDataSource) {
		if (applicationDataSource != null) {
			return DataSourceBuilder.derivedFrom(applicationDataSource);
		}
		if (this.jdbcConnectionDetails != null) {
			DataSourceBuilder<?> builder = DataSourceBuilder.create().url(this.jdbcConnectionDetails.getJdbcUrl());
			builder.driverClassName(this.jdbcConnectionDetails.getDriverClassName());
			return builder;
		}
		return null;
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

	/** A URL (or none) and a login to migrate with. */
	private record Login(@Nullable String url, @Nullable String user, @Nullable String password,
			@Nullable String driverClassName) {

		DataSourceBuilder<?> applyTo(DataSourceBuilder<?> builder) {
			builder.username(this.user);
			builder.password(this.password);
			if (StringUtils.hasText(this.driverClassName)) {
				builder.driverClassName(this.driverClassName);
			}
			return builder;
		}

	}

}
