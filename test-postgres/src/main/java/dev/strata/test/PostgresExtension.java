package dev.strata.test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * JUnit Jupiter extension behind {@link StrataPostgres}. The database lives in the
 * extension-context store of the test class (or of the test method with
 * {@code databasePerTest}), so JUnit closes - that is, drops - it when that context ends:
 * after {@code @AfterAll} or after {@code @AfterEach} respectively.
 */
public final class PostgresExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(PostgresExtension.class);

	private static final String KEY = "database";

	@Override
	public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
		// constructor parameters are resolved in the test method's context, so per-test
		// databases work there too
		return ExtensionContextScope.TEST_METHOD;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		for (Field field : databaseFields(context.getRequiredTestClass())) {
			if (Modifier.isStatic(field.getModifiers())) {
				field.setAccessible(true);
				field.set(null, classDatabase(context, "static field " + field.getName()));
			}
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) throws Exception {
		for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
			for (Field field : databaseFields(instance.getClass())) {
				if (!Modifier.isStatic(field.getModifiers())) {
					field.setAccessible(true);
					field.set(instance, database(context, "field " + field.getName()));
				}
			}
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == TestDatabase.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		try {
			return database(extensionContext, "parameter " + parameterContext.getParameter().getName());
		}
		catch (ExtensionConfigurationException e) {
			throw new ParameterResolutionException(e.getMessage(), e);
		}
	}

	/**
	 * The database for this context: the test's own one (databasePerTest) or the class's.
	 */
	private static TestDatabase database(ExtensionContext context, String target) {
		if (perTest(context)) {
			if (context.getTestMethod().isEmpty()) {
				throw new ExtensionConfigurationException("@StrataPostgres(databasePerTest = true) has no database for "
						+ target + " outside a test (e.g. in @BeforeAll or a PER_CLASS constructor); "
						+ "inject it into the test, @BeforeEach or an instance field");
			}
			return context.getStore(NAMESPACE)
				.computeIfAbsent(KEY, key -> new Holder(PostgresServer.shared().createDatabase()),
						Holder.class).database;
		}
		return classDatabase(context, target);
	}

	private static TestDatabase classDatabase(ExtensionContext context, String target) {
		ExtensionContext owner = annotatedClassContext(context)
			.orElseThrow(() -> new ExtensionConfigurationException("No @StrataPostgres class for " + target));
		return owner.getStore(NAMESPACE)
			.computeIfAbsent(KEY, key -> new Holder(PostgresServer.shared().createDatabase()), Holder.class).database;
	}

	/**
	 * The outermost class context annotated with @StrataPostgres, so @Nested classes
	 * share its database.
	 */
	private static Optional<ExtensionContext> annotatedClassContext(ExtensionContext context) {
		ExtensionContext found = null;
		for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
			if (c.getTestMethod().isEmpty() && c.getTestClass().isPresent()
					&& AnnotationSupport.isAnnotated(c.getTestClass(), StrataPostgres.class)) {
				found = c;
			}
		}
		return Optional.ofNullable(found);
	}

	private static boolean perTest(ExtensionContext context) {
		return context.getTestClass()
			.flatMap(type -> AnnotationSupport.findAnnotation(type, StrataPostgres.class,
					context.getEnclosingTestClasses()))
			.map(StrataPostgres::databasePerTest)
			.orElse(false);
	}

	private static java.util.List<Field> databaseFields(Class<?> type) {
		return ReflectionSupport.findFields(type,
				field -> field.getType() == TestDatabase.class && !Modifier.isPrivate(field.getModifiers()),
				HierarchyTraversalMode.TOP_DOWN);
	}

	/** Store value: JUnit closes AutoCloseable store values when their context ends. */
	private static final class Holder implements AutoCloseable {

		private final TestDatabase database;

		Holder(TestDatabase database) {
			this.database = database;
		}

		@Override
		public void close() {
			database.close();
		}

	}

}
