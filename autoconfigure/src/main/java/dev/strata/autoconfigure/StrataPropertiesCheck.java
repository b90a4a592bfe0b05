package dev.strata.autoconfigure;

import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.autoconfigure.migrator.MigratorMode;
import dev.strata.autoconfigure.migrator.MigratorProperties;
import dev.strata.guard.rules.Rule;
import dev.strata.source.Location;
import dev.strata.source.Version;
import dev.strata.targets.MigrationTarget;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.Environment;

/**
 * Checks every {@code strata.*} property before anything runs, so that a mistake in the
 * configuration is an error that names it rather than a setting silently ignored: a key
 * Strata does not know (with the closest one it does), a value that does not convert
 * (with the values that would), a guard rule id that names no rule, a version or location
 * Strata cannot read.
 *
 * <p>
 * Spring Boot's binding does the work, as for
 * {@code @ConfigurationProperties(ignoreUnknownFields = false)}: a
 * {@link NoUnboundElementsBindHandler} over the whole tree, {@link StrataProperties} and
 * {@link MigratorProperties} bound as one bean. Relaxed names (camelCase, upper case,
 * underscores) bind, so they pass. As with {@code ignoreUnknownFields = false}, keys from
 * environment variables and JVM system properties are not checked: other programs share
 * them (strata-test's own {@code strata.test.*} settings, the variables Kubernetes
 * derives from a service named {@code strata}).
 *
 * <p>
 * An application runs the check as an {@link ApplicationListener} once its environment is
 * prepared, before any bean or connection exists; the failure analyzer prints the
 * message. A migrator runs it first thing instead, so that it reports the mistake like
 * any other with exit code 2, before it connects.
 */
public final class StrataPropertiesCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	private static final String PREFIX = "strata";

	private static final String RULES_PROPERTY = "strata.guard.rules";

	private static final String TARGETS_PREFIX = "strata.targets.";

	private static final List<KnownProperty> KNOWN = knownProperties();

	@Override
	public int getOrder() {
		// After the logging system is initialised, so that the failure is reported
		// through it.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (!MigratorMode.isActive(event.getEnvironment())) {
			// A migrator checks when it runs, to report the mistake with its exit code.
			check(event.getEnvironment());
		}
	}

	/**
	 * Checks the {@code strata.*} properties of the environment.
	 * @throws StrataException of category {@link ErrorCategory#CONFIGURATION} naming the
	 * first mistake found: unknown keys (all of them), else a value that does not
	 * convert, else an unknown guard rule id, else a value Strata cannot use
	 */
	public static void check(Environment environment) {
		NoUnboundElementsBindHandler handler = new NoUnboundElementsBindHandler(BindHandler.DEFAULT,
				new UnboundElementsSourceFilter());
		AllProperties properties;
		try {
			properties = Binder.get(environment).bindOrCreate(PREFIX, Bindable.of(AllProperties.class), handler);
		}
		catch (BindException ex) {
			String message = (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound)
					? unknownProperties(unbound.getUnboundProperties()) : invalidValue(ex);
			throw new StrataException(ErrorCategory.CONFIGURATION, message, ex);
		}
		checkRuleIds(properties.getGuard().getRules().keySet());
		checkValues(properties);
		properties.getTargets().forEach(StrataPropertiesCheck::checkTarget);
	}

	/** A {@code strata.targets.<name>} target: its own database, and usable settings. */
	private static void checkTarget(String name, StrataProperties.Target target) {
		String prefix = StrataTargetsFactory.prefix(name);
		if (MigrationTarget.DEFAULT_NAME.equals(name)) {
			throw new StrataException(ErrorCategory.CONFIGURATION,
					prefix + ": '" + name + "' names the target of strata.* itself; give this target another name.");
		}
		boolean url = target.getUrl() != null && !target.getUrl().isBlank();
		boolean dataSource = target.getDataSource() != null && !target.getDataSource().isBlank();
		if (url == dataSource) {
			throw new StrataException(ErrorCategory.CONFIGURATION,
					prefix + (url ? " sets both url and data-source" : " has no database") + ": set " + prefix
							+ ".url (with .user and .password) or " + prefix
							+ ".data-source (the name of a DataSource bean), one of them.");
		}
		for (String id : target.getGuard().getRules().keySet()) {
			if (Rule.byId(id).isEmpty()) {
				throw new StrataException(ErrorCategory.CONFIGURATION, prefix + ".guard.rules." + id
						+ " names no guard rule '" + id + "' (see docs/guard.md for the rule ids).");
			}
		}
		String guardBaseline = target.getGuard().getBaselineVersion();
		if (guardBaseline != null && !guardBaseline.isBlank()) {
			version(prefix + ".guard.baseline-version", guardBaseline);
		}
		for (String location : (target.getLocations() != null) ? target.getLocations() : List.<String>of()) {
			if (!isLocation(location)) {
				throw invalid(prefix + ".locations", location,
						"expected classpath:<path> or filesystem:<directory>, such as classpath:db/" + name);
			}
		}
		notNegative(prefix + ".guard.large-table-rows", target.getGuard().getLargeTableRows());
	}

	private static String unknownProperties(Set<ConfigurationProperty> unknown) {
		List<String> described = unknown.stream().map(StrataPropertiesCheck::describeUnknown).toList();
		String list = (described.size() == 1) ? "Unknown property " + described.get(0)
				: "Unknown properties: " + String.join("; ", described);
		return list + (list.endsWith("?") ? " " : ". ") + "Strata does not start with a strata.* property it does"
				+ " not know, so that a typo never silently does nothing; its properties are listed in"
				+ " docs/configuration.md.";
	}

	private static String describeUnknown(ConfigurationProperty property) {
		// As written where Spring Boot still knows it (strata.lockTimout), else in its
		// canonical form.
		String name = (property.getOrigin() instanceof PropertySourceOrigin source) ? source.getPropertyName()
				: property.getName().toString();
		String suggestion = suggestion(property.getName().toString());
		return name + origin(property.getOrigin()) + ((suggestion != null) ? ": " + suggestion : "");
	}

	/**
	 * What the user may have meant by a property Strata does not know: a key within a
	 * typo's distance, else keys of the same last word elsewhere in the tree (the right
	 * name in the wrong place), else the keys of the group it is in.
	 */
	static @Nullable String suggestion(String unknown) {
		String name = unknown.replaceAll("\\[[^]]*]", "");
		String closest = Suggestions.closest(name, candidates(name));
		if (closest != null) {
			return "did you mean " + closest + "?";
		}
		String word = Suggestions.canonical(lastElement(name));
		List<String> sameWord = KNOWN.stream()
			.map(KnownProperty::name)
			.filter((known) -> Suggestions.distance(Suggestions.canonical(lastElement(known)),
					word) <= ((word.length() >= 6) ? 1 : 0))
			.toList();
		if (!sameWord.isEmpty() && sameWord.size() <= 4) {
			return "did you mean " + String.join(" or ", sameWord) + "?";
		}
		String group = parent(name);
		List<String> siblings = KNOWN.stream()
			.map(KnownProperty::name)
			.filter((known) -> !group.equals(PREFIX)
					&& Suggestions.canonical(parent(known)).equals(Suggestions.canonical(group)))
			.map(StrataPropertiesCheck::lastElement)
			.toList();
		if (!siblings.isEmpty()) {
			return "the properties under " + group + " are " + String.join(", ", siblings);
		}
		return null;
	}

	/**
	 * The known names to compare an unknown one with. Under a target
	 * ({@code strata.targets.<name>.…}) they are the target's own keys: the map's keys
	 * are the user's, its values are not.
	 */
	private static List<String> candidates(String name) {
		String[] parts = name.split("\\.");
		if (parts.length > 3 && name.startsWith(TARGETS_PREFIX)) {
			List<KnownProperty> target = new ArrayList<>();
			collect(StrataProperties.Target.class, TARGETS_PREFIX + parts[2], target);
			return target.stream().map((known) -> known.candidateFor(name)).toList();
		}
		return KNOWN.stream().map((known) -> known.candidateFor(name)).filter((known) -> !known.equals(name)).toList();
	}

	private static String invalidValue(BindException ex) {
		ConfigurationProperty property = ex.getProperty();
		String name = ex.getName().toString();
		String where = (property != null) ? origin(property.getOrigin()) : "";
		Object value = (property != null) ? property.getValue() : null;
		String expected = (value != null) ? expected(elementType(ex.getTarget().getType()), value.toString()) : null;
		if (expected == null) {
			return "Invalid value for " + name + where + ": " + innermostMessage(ex) + ".";
		}
		return "Invalid value '" + value + "' for " + name + where + ": " + expected
				+ (expected.endsWith("?") ? "" : ".");
	}

	/** What the property takes, said for a user: the valid values of an enum. */
	private static @Nullable String expected(@Nullable Class<?> type, String value) {
		if (type == null) {
			return null;
		}
		if (type.isEnum()) {
			List<String> values = Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
				.toList();
			String closest = value.contains(",") ? null : Suggestions.closest(value, values);
			return "the valid values are " + String.join(", ", values)
					+ ((closest != null) ? "; did you mean " + closest + "?" : "");
		}
		if (type == Duration.class) {
			return "expected a duration such as 10s, 500ms, 10m or PT10S";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "expected true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "expected a whole number";
		}
		return null;
	}

	/** The type of one value: a collection's or array's element, a map's value. */
	private static @Nullable Class<?> elementType(ResolvableType type) {
		if (type.isArray()) {
			return type.getComponentType().resolve();
		}
		if (Collection.class.isAssignableFrom(type.toClass())) {
			return type.asCollection().resolveGeneric(0);
		}
		if (Map.class.isAssignableFrom(type.toClass())) {
			return type.asMap().resolveGeneric(1);
		}
		return type.resolve();
	}

	private static String innermostMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
	}

	private static String origin(@Nullable Origin origin) {
		if (origin instanceof PropertySourceOrigin source && source.getOrigin() == null) {
			String sourceName = source.getPropertySource().getName();
			return CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME.equals(sourceName)
					? " (from the command line)" : " (from property source '" + sourceName + "')";
		}
		return (origin != null) ? " (from " + origin + ")" : "";
	}

	private static void checkRuleIds(Set<String> ids) {
		for (String id : ids) {
			if (Rule.byId(id).isEmpty()) {
				List<String> rules = Arrays.stream(Rule.values()).map(Rule::id).toList();
				String closest = Suggestions.closest(id, rules);
				throw new StrataException(ErrorCategory.CONFIGURATION,
						RULES_PROPERTY + "." + id + " names no guard rule '" + id + "'"
								+ ((closest != null) ? ": did you mean " + closest + "?" : ".") + " The rule ids are "
								+ String.join(", ", rules) + " (see docs/guard.md).");
			}
		}
	}

	/**
	 * Values that convert but that Strata cannot use, found now rather than as a failed
	 * bean that does not name its property.
	 */
	private static void checkValues(AllProperties properties) {
		version("strata.baseline-version", properties.getBaselineVersion());
		String guardBaseline = properties.getGuard().getBaselineVersion();
		if (guardBaseline != null && !guardBaseline.isBlank()) {
			version("strata.guard.baseline-version", guardBaseline);
		}
		if (properties.getLocations().isEmpty()) {
			throw invalid("strata.locations", "", "expected at least one location");
		}
		for (String location : properties.getLocations()) {
			if (!isLocation(location)) {
				throw invalid("strata.locations", location,
						"expected classpath:<path> or filesystem:<directory>, such as classpath:db/migration");
			}
		}
		notNegative("strata.lock-retries", properties.getLockRetries());
		notNegative("strata.guard.large-table-rows", properties.getGuard().getLargeTableRows());
	}

	private static void version(String property, String value) {
		try {
			Version.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(property, value, "expected a version such as 1, 1.2 or 2_1_3");
		}
	}

	private static boolean isLocation(String location) {
		try {
			return !location.isBlank() && !Location.parse(location).path().isEmpty();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void notNegative(String property, long value) {
		if (value < 0) {
			throw invalid(property, String.valueOf(value), "expected zero or more");
		}
	}

	private static StrataException invalid(String property, String value, String expected) {
		return new StrataException(ErrorCategory.CONFIGURATION,
				"Invalid value '" + value + "' for " + property + ": " + expected + ".");
	}

	private static String lastElement(String name) {
		return name.substring(name.lastIndexOf('.') + 1);
	}

	private static String parent(String name) {
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

	/**
	 * Every property Strata knows, as its canonical name, read from the bound classes:
	 * the candidates for suggestions, and what the configuration metadata lists.
	 */
	static List<KnownProperty> knownProperties() {
		List<KnownProperty> known = new ArrayList<>();
		collect(AllProperties.class, PREFIX, known);
		return known;
	}

	private static void collect(Class<?> type, String prefix, List<KnownProperty> known) {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			Class<?> propertyType = descriptor.getPropertyType();
			if (propertyType == null || descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
				continue;
			}
			String name = prefix + "." + DataObjectPropertyName.toDashedForm(descriptor.getName());
			if (!propertyType.isEnum() && propertyType.getPackageName().startsWith("dev.strata.autoconfigure")) {
				collect(propertyType, name, known);
			}
			// A map binds into its getter's instance (strata.targets), no setter needed.
			else if (descriptor.getWriteMethod() != null || Map.class.isAssignableFrom(propertyType)) {
				known.add(new KnownProperty(name, Map.class.isAssignableFrom(propertyType)));
			}
		}
	}

	static List<String> knownNames() {
		return KNOWN.stream().map(KnownProperty::name).collect(Collectors.toList());
	}

	/**
	 * A property Strata knows.
	 *
	 * @param name its canonical name, {@code strata.guard.rules}
	 * @param map whether it takes keys of its own ({@code strata.guard.rules.drop-table})
	 */
	record KnownProperty(String name, boolean map) {

		/**
		 * The name to compare an unknown one with: a map's keys are the user's, so only
		 * the map's own part of the name can be mistyped.
		 */
		String candidateFor(String unknown) {
			if (!this.map) {
				return this.name;
			}
			String[] mine = this.name.split("\\.");
			String[] theirs = unknown.split("\\.");
			if (theirs.length <= mine.length) {
				return this.name;
			}
			return this.name + "." + String.join(".", Arrays.copyOfRange(theirs, mine.length, theirs.length));
		}

	}

	/**
	 * The whole {@code strata.*} tree as one bean, so that one binding sees every
	 * property Strata has. Not a bean of the context: bound only to be checked.
	 */
	static final class AllProperties extends StrataProperties {

		private final MigratorProperties migrator = new MigratorProperties();

		public MigratorProperties getMigrator() {
			return this.migrator;
		}

	}

}
