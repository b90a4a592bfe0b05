package dev.strata.example;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.strata.error.ErrorCategory;
import dev.strata.autoconfigure.migrator.MigratorExitCodes;
import dev.strata.autoconfigure.migrator.MigratorMode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files we ship and document (docker-compose, Kubernetes, ECS, GitHub
 * Actions) checked against the code: every {@code strata.*} property they set exists in
 * the configuration metadata, they use the real migrator profile, and the exit codes they
 * name are the real ones. Renaming a property or an exit code without updating them fails
 * here.
 */
class DeploymentFilesTest {

	private static final Path DEPLOY = Path.of("deploy");

	private static final Pattern ARGUMENT = Pattern.compile("--(strata\\.[a-z0-9.-]+)=");

	private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("\\b(STRATA_[A-Z0-9_]+)\\b");

	private static final List<Path> FILES = List.of(DEPLOY.resolve("docker-compose.yml"),
			DEPLOY.resolve("kubernetes/migrator-job.yaml"), DEPLOY.resolve("kubernetes/migrator-fleet-job.yaml"),
			DEPLOY.resolve("kubernetes/app-deployment.yaml"), Path.of("../docs/fleets.md"),
			DEPLOY.resolve("ecs/migrator-task-definition.json"), DEPLOY.resolve("github-actions/deploy.yml"),
			Path.of("../docs/deploying.md"), Path.of("../docs/migrator.md"));

	@Test
	void everyStrataPropertyTheFilesSetExists() throws IOException {
		Set<String> properties = strataProperties();
		assertThat(properties).contains("strata.migrator.command", "strata.on-startup");
		Set<String> environmentVariables = properties.stream()
			.map((name) -> name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""))
			.collect(Collectors.toSet());
		for (Path file : FILES) {
			String text = Files.readString(file);
			for (String property : matches(ARGUMENT, text)) {
				assertThat(properties).as("%s sets %s", file, property).contains(property);
			}
			for (String variable : matches(ENVIRONMENT_VARIABLE, text)) {
				assertThat(environmentVariables).as("%s sets %s", file, variable).contains(variable);
			}
		}
	}

	@Test
	void composeRunsTheMigratorOnceAndStartsTheAppAfterItSucceeded() throws IOException {
		Map<String, Object> services = child(yaml(DEPLOY.resolve("docker-compose.yml")), "services");
		Map<String, Object> migrator = child(services, "migrator");
		assertThat(strings(migrator.get("command"))).contains("--spring.profiles.active=" + MigratorMode.PROFILE);
		Map<String, Object> app = child(services, "app");
		assertThat(strings(app.get("command"))).contains("--strata.on-startup=validate")
			.noneMatch((argument) -> argument.contains(MigratorMode.PROFILE));
		assertThat(child(child(app, "depends_on"), "migrator")).containsEntry("condition",
				"service_completed_successfully");
	}

	@Test
	void kubernetesJobRunsTheMigratorAndFailsAtOnceOnlyForCodesARetryCannotFix() throws IOException {
		Map<String, Object> job = yaml(DEPLOY.resolve("kubernetes/migrator-job.yaml"));
		assertThat(job).containsEntry("kind", "Job");
		Map<String, Object> container = firstContainer(job);
		assertThat(strings(container.get("args"))).contains("--spring.profiles.active=" + MigratorMode.PROFILE);
		Map<String, Object> spec = child(job, "spec");
		Map<String, Object> rule = list(child(spec, "podFailurePolicy").get("rules")).get(0);
		Map<String, Object> onExitCodes = child(rule, "onExitCodes");
		assertThat(onExitCodes).containsEntry("containerName", container.get("name"));
		Set<Integer> failJob = new HashSet<>(integers(onExitCodes.get("values")));
		assertThat(failJob).containsExactlyInAnyOrder(codes(ErrorCategory.CONFIGURATION, ErrorCategory.VALIDATION,
				ErrorCategory.REFUSED, ErrorCategory.MIGRATION_FAILED, ErrorCategory.DRIFT));
		assertThat(child(child(spec, "template"), "spec")).containsEntry("restartPolicy", "Never");

		Map<String, Object> deployment = yaml(DEPLOY.resolve("kubernetes/app-deployment.yaml"));
		assertThat(strings(firstContainer(deployment).get("args"))).containsExactly("--strata.on-startup=validate");
	}

	@Test
	void fleetIndexedJobShardsTheTenantsAndRetriesOnlyWhatARetryCanFix() throws IOException {
		Map<String, Object> job = yaml(DEPLOY.resolve("kubernetes/migrator-fleet-job.yaml"));
		assertThat(job).containsEntry("kind", "Job");
		Map<String, Object> spec = child(job, "spec");
		assertThat(spec).containsEntry("completionMode", "Indexed").containsKey("backoffLimitPerIndex");
		assertThat(spec).as("backoffLimitPerIndex replaces it").doesNotContainKey("backoffLimit");
		Map<String, Object> container = firstContainer(job);
		List<String> args = strings(container.get("args"));
		assertThat(args).contains("--spring.profiles.active=" + MigratorMode.PROFILE,
				"--strata.tenants.shard-count=" + spec.get("completions"));
		assertThat(args).anyMatch((argument) -> argument.startsWith("--strata.tenants.schemas"));
		List<Map<String, Object>> rules = list(child(spec, "podFailurePolicy").get("rules"));
		assertThat(rules).hasSize(1);
		assertThat(rules.get(0)).containsEntry("action", "FailIndex");
		Map<String, Object> onExitCodes = child(rules.get(0), "onExitCodes");
		assertThat(onExitCodes).containsEntry("containerName", container.get("name")).containsEntry("operator", "In");
		assertThat(integers(onExitCodes.get("values"))).containsExactlyInAnyOrder(
				codes(ErrorCategory.CONFIGURATION, ErrorCategory.VALIDATION, ErrorCategory.REFUSED));
		assertThat(integers(onExitCodes.get("values"))).as("retried: a tenant failed, a lock was busy, unexpected")
			.doesNotContain(
					codes(ErrorCategory.MIGRATION_FAILED, ErrorCategory.LOCK_TIMEOUT, ErrorCategory.UNEXPECTED));
		assertThat(child(child(spec, "template"), "spec")).containsEntry("restartPolicy", "Never");
	}

	@Test
	void ecsTaskDefinitionRunsTheMigrator() throws IOException {
		JsonNode task = JsonMapper.builder()
			.build()
			.readTree(DEPLOY.resolve("ecs/migrator-task-definition.json").toFile());
		List<String> command = new ArrayList<>();
		task.get("containerDefinitions").get(0).get("command").forEach((node) -> command.add(node.asString()));
		assertThat(command).contains("--spring.profiles.active=" + MigratorMode.PROFILE);
	}

	@Test
	void documentedExitCodesAreTheRealOnes() throws IOException {
		String migratorDocs = Files.readString(Path.of("../docs/migrator.md"));
		for (ErrorCategory category : ErrorCategory.values()) {
			assertThat(migratorDocs)
				.contains("| `" + MigratorExitCodes.of(category) + "` | `" + category.name() + "` |");
		}
		String compose = Files.readString(DEPLOY.resolve("docker-compose.yml"));
		assertThat(compose).contains(MigratorExitCodes.of(ErrorCategory.CONFIGURATION) + " configuration",
				MigratorExitCodes.of(ErrorCategory.VALIDATION) + " validation",
				MigratorExitCodes.of(ErrorCategory.REFUSED) + " refused",
				MigratorExitCodes.of(ErrorCategory.MIGRATION_FAILED) + " migration failed",
				MigratorExitCodes.of(ErrorCategory.LOCK_TIMEOUT) + " lock timeout");
	}

	private static Integer[] codes(ErrorCategory... categories) {
		return Arrays.stream(categories).map(MigratorExitCodes::of).toArray(Integer[]::new);
	}

	/**
	 * Every strata.* property in the configuration metadata of the jars on the classpath.
	 */
	private static Set<String> strataProperties() throws IOException {
		Set<String> names = new HashSet<>();
		Enumeration<URL> resources = DeploymentFilesTest.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		JsonMapper json = JsonMapper.builder().build();
		while (resources.hasMoreElements()) {
			try (InputStream input = resources.nextElement().openStream()) {
				json.readTree(input).get("properties").forEach((property) -> {
					String name = property.get("name").asString();
					if (name.startsWith("strata.")) {
						names.add(name);
					}
				});
			}
		}
		return names;
	}

	private static List<String> matches(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static Map<String, Object> yaml(Path file) throws IOException {
		try (InputStream input = Files.newInputStream(file)) {
			return new Yaml().load(input);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> child(Map<String, Object> map, String key) {
		Object value = map.get(key);
		return (value != null) ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return (List<String>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Integer> integers(Object value) {
		return (List<Integer>) value;
	}

	private static Map<String, Object> firstContainer(Map<String, Object> workload) {
		Map<String, Object> podSpec = child(child(child(workload, "spec"), "template"), "spec");
		return list(podSpec.get("containers")).get(0);
	}

}
