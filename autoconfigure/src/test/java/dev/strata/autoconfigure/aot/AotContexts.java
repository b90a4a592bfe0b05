package dev.strata.autoconfigure.aot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processes an application context ahead of time as Spring AOT does at build time,
 * compiles the generated code and starts contexts from it (as with
 * {@code spring.aot.enabled}), with no bean definitions read from annotations.
 */
final class AotContexts {

	private AotContexts() {
	}

	/** A context with the given properties, not refreshed. */
	static GenericApplicationContext context(Map<String, Object> properties) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
		return context;
	}

	/**
	 * Processes the application's configuration with the build-time properties. The name
	 * keeps the generated classes of each processing apart: they are defined in the one
	 * class loader of the tests, which accepts a class name once.
	 */
	static Processed process(Class<?> application, Map<String, Object> buildTimeProperties, String name,
			Path workDirectory) throws Exception {
		GenericApplicationContext buildTime = context(buildTimeProperties);
		AnnotationConfigUtils.registerAnnotationConfigProcessors(buildTime);
		buildTime.registerBean(application);
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		DefaultGenerationContext root = new DefaultGenerationContext(new ClassNameGenerator(ClassName.get(application)),
				files);
		GenerationContext generation = root.withName(name);
		ClassName initializerName = new ApplicationContextAotGenerator().processAheadOfTime(buildTime, generation);
		root.writeGeneratedContent();
		buildTime.close();
		return new Processed(compileAndDefine(files, initializerName.reflectionName(), workDirectory),
				generation.getRuntimeHints());
	}

	/**
	 * Compiles the generated sources and defines each class next to the class it was
	 * generated for (same class loader and package, as the generated code calls
	 * package-private bean methods): what running a processed application does.
	 */
	private static Class<?> compileAndDefine(InMemoryGeneratedFiles files, String initializer, Path workDirectory)
			throws Exception {
		Path sources = workDirectory.resolve("sources");
		Path classes = Files.createDirectories(workDirectory.resolve("classes"));
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
		try {
			return Class.forName(original, false, AotContexts.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			// Generated for a nested class, named with '_' for its '$'.
			int nested = original.lastIndexOf('_');
			if (nested < 0) {
				throw ex;
			}
			return anchor(original.substring(0, nested) + "$" + original.substring(nested + 1));
		}
	}

	/** The generated initializer and the hints the processing registered. */
	record Processed(Class<?> initializer, RuntimeHints hints) {

		/**
		 * Refreshes the context from the generated code, as an application started with
		 * {@code spring.aot.enabled=true}.
		 */
		@SuppressWarnings("unchecked")
		void refresh(GenericApplicationContext context) throws Exception {
			((ApplicationContextInitializer<GenericApplicationContext>) this.initializer.getDeclaredConstructor()
				.newInstance()).initialize(context);
			System.setProperty("spring.aot.enabled", "true");
			try {
				context.refresh();
			}
			finally {
				System.clearProperty("spring.aot.enabled");
			}
		}

	}

}
