package dev.strata.autoconfigure.aot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.callback.CallbackContext;
import dev.strata.callback.CallbackEvent;
import dev.strata.callback.StrataCallback;
import dev.strata.migration.java.BaseJavaMigration;
import dev.strata.migration.java.JavaMigrationContext;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java migration and callback beans work in an application processed ahead of time: the
 * context is processed as Spring AOT processes it at build time, the generated code is
 * compiled, and the application starts from it (as with {@code spring.aot.enabled}), with
 * no bean definitions read from annotations and no scanning.
 */
@StrataPostgres(databasePerTest = true)
class JavaMigrationsAotTests {

	@TempDir
	Path generated;

	@Test
	void beanMigrationsAndCallbacksRunFromTheGeneratedContext(TestDatabase database) throws Exception {
		Map<String, Object> properties = Map.of("spring.datasource.url", database.jdbcUrl(),
				"spring.datasource.username", database.username(), "spring.datasource.password", database.password(),
				"strata.locations", "classpath:db/basic");
		GenericApplicationContext buildTime = context(properties);
		AnnotationConfigUtils.registerAnnotationConfigProcessors(buildTime);
		buildTime.registerBean(Application.class);
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(JavaMigrationsAotTests.class)), files);
		ClassName initializerName = new ApplicationContextAotGenerator().processAheadOfTime(buildTime, generation);
		generation.writeGeneratedContent();

		Class<?> initializer = compileAndDefine(files, initializerName.reflectionName());
		GenericApplicationContext runTime = context(properties);
		System.setProperty("spring.aot.enabled", "true");
		try {
			initialize(initializer, runTime);
			runTime.refresh();
			// Created by the generated code, not by reflection over the configuration
			// class.
			assertThat(((RootBeanDefinition) runTime.getBeanFactory().getMergedBeanDefinition("sayHello"))
				.getInstanceSupplier()).isNotNull();
			assertThat(runTime.getBean(Touch.class).events).containsExactly("afterMigrate");
		}
		finally {
			System.clearProperty("spring.aot.enabled");
			runTime.close();
		}
		assertThat(database.queryForObject(
				"select string_agg(version || ':' || type, ',' order by installed_rank) from strata_schema_history",
				String.class))
			.isEqualTo("1:SQL,2:SQL,3:JAVA");
		assertThat(database.queryForObject("select text from greeting where id = 2", String.class))
			.isEqualTo("hello from Java");
	}

	private static GenericApplicationContext context(Map<String, Object> properties) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
		return context;
	}

	@SuppressWarnings("unchecked")
	private static void initialize(Class<?> initializer, GenericApplicationContext context) throws Exception {
		((ApplicationContextInitializer<GenericApplicationContext>) initializer.getDeclaredConstructor().newInstance())
			.initialize(context);
	}

	/**
	 * Compiles the generated sources and defines each class next to the class it was
	 * generated for (same class loader and package, as the generated code calls
	 * package-private bean methods): what running a processed application does.
	 */
	private Class<?> compileAndDefine(InMemoryGeneratedFiles files, String initializer) throws Exception {
		Path sources = this.generated.resolve("sources");
		Path classes = Files.createDirectories(this.generated.resolve("classes"));
		List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
				System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
		for (Map.Entry<String, InputStreamSource> source : files.getGeneratedFiles(GeneratedFiles.Kind.SOURCE)
			.entrySet()) {
			Path file = sources.resolve(source.getKey());
			Files.createDirectories(file.getParent());
			try (InputStream in = source.getValue().getInputStream()) {
				Files.copy(in, file);
			}
			arguments.add(file.toString());
		}
		for (Map.Entry<String, InputStreamSource> compiled : files.getGeneratedFiles(GeneratedFiles.Kind.CLASS)
			.entrySet()) {
			Path file = classes.resolve(compiled.getKey());
			Files.createDirectories(file.getParent());
			try (InputStream in = compiled.getValue().getInputStream()) {
				Files.copy(in, file);
			}
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit code").isZero();
		Class<?> wanted = null;
		for (Path file : classFiles(classes)) {
			String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
			name = name.substring(0, name.length() - ".class".length());
			Class<?> defined = MethodHandles.privateLookupIn(anchor(name), MethodHandles.lookup())
				.defineClass(Files.readAllBytes(file));
			if (name.equals(initializer)) {
				wanted = defined;
			}
		}
		assertThat(wanted).as(initializer).isNotNull();
		return wanted;
	}

	private static List<Path> classFiles(Path classes) throws IOException {
		try (Stream<Path> paths = Files.walk(classes)) {
			return paths.filter((path) -> path.toString().endsWith(".class"))
				.sorted(Comparator.comparing(Path::toString))
				.toList();
		}
	}

	/**
	 * The class a generated one was generated for ({@code Foo} of
	 * {@code Foo__BeanDefinitions}), loaded already, in the package to define it in.
	 */
	private static Class<?> anchor(String generatedName) throws ClassNotFoundException {
		int generatedPart = generatedName.indexOf("__");
		String original = generatedName.substring(0, (generatedPart < 0) ? generatedName.indexOf('$') : generatedPart);
		return Class.forName(original, false, JavaMigrationsAotTests.class.getClassLoader());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			StrataAutoConfiguration.class })
	static class Application {

		@Bean
		V3__Say_hello_from_Java sayHello() {
			return new V3__Say_hello_from_Java();
		}

		@Bean
		Touch touch() {
			return new Touch();
		}

	}

	static class V3__Say_hello_from_Java extends BaseJavaMigration {

		@Override
		public void migrate(JavaMigrationContext context) throws Exception {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("insert into greeting (id, text) values (2, 'hello from Java')");
			}
		}

	}

	static class Touch implements StrataCallback {

		final List<String> events = new ArrayList<>();

		@Override
		public boolean supports(CallbackEvent event) {
			return event == CallbackEvent.AFTER_MIGRATE;
		}

		@Override
		public void handle(CallbackEvent event, CallbackContext context) {
			this.events.add(event.fileName());
		}

	}

}
