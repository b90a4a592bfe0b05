package dev.strata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The engine's layering, held by the build: the layers form no cycle, and a layer does
 * not reach into a later one. The layers are the pipeline's stage packages, with the
 * failure types ({@code dev.strata.error}) below them all and the commands (the root
 * package {@code dev.strata}: the facade, the configuration, the commands and their
 * results) between the last stage that runs a migration and the status views that call
 * the facade.
 */
class ArchitectureTest {

	/** Every layer, in order (docs/architecture.md). */
	private static final List<String> LAYERS = List.of("error", "targets", "source", "sql", "migration", "guard",
			"history", "plan", "execute", "callback", "archive", "drift", "commands", "status", "fleet");

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPath(classesOf(Strata.class));

	/** Each class's layer: the package below {@code dev.strata}, or the commands. */
	private static final SliceAssignment BY_LAYER = new SliceAssignment() {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass type) {
			String packageName = type.getPackageName();
			boolean strata = packageName.equals("dev.strata") || packageName.startsWith("dev.strata.");
			return strata ? SliceIdentifier.of(layerOf(packageName)) : SliceIdentifier.ignore();
		}

		@Override
		public String getDescription() {
			return "Strata's layers";
		}

	};

	@Test
	void layersFormNoCycle() {
		slices().assignedFrom(BY_LAYER).should().beFreeOfCycles().check(CORE);
	}

	@Test
	void everyPackageBelongsToALayer() {
		assertThat(CORE.stream().map((type) -> layerOf(type.getPackageName())).distinct())
			.allSatisfy((layer) -> assertThat(LAYERS).contains(layer));
	}

	@Test
	void noLayerDependsOnALaterOneBeyondTheKnownEdges() {
		for (int i = 0; i < LAYERS.size(); i++) {
			String layer = LAYERS.get(i);
			for (String later : LAYERS.subList(i + 1, LAYERS.size())) {
				if (knownEdge(layer, later)) {
					continue;
				}
				noClasses().that()
					.resideInAnyPackage(packagesOf(layer))
					.should()
					.dependOnClassesThat()
					.resideInAnyPackage(packagesOf(later))
					.because(layer + " comes before " + later + " in the pipeline")
					.check(CORE);
			}
		}
	}

	/**
	 * Core's own classes only, not other modules' that share the {@code dev.strata} name.
	 */
	private static Path classesOf(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String layerOf(String packageName) {
		if (packageName.equals("dev.strata") || packageName.equals("dev.strata.internal")) {
			return "commands";
		}
		String below = packageName.substring("dev.strata.".length());
		int dot = below.indexOf('.');
		return (dot < 0) ? below : below.substring(0, dot);
	}

	private static String[] packagesOf(String layer) {
		return layer.equals("commands") ? new String[] { "dev.strata", "dev.strata.internal" }
				: new String[] { "dev.strata." + layer + ".." };
	}

	/**
	 * The public API is closed: what a package outside {@code ..internal..} makes public
	 * (types, and the members of public types) names no internal type, so a user never
	 * needs one. Internal packages are free to change.
	 */
	@Test
	void publicApiNamesNoInternalType() {
		List<String> leaks = new ArrayList<>();
		for (JavaClass type : CORE) {
			if (isInternal(type) || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
				continue;
			}
			for (JavaMember member : type.getMembers()) {
				if (!member.getModifiers().contains(JavaModifier.PUBLIC)) {
					continue;
				}
				List<JavaClass> used = new ArrayList<>();
				if (member instanceof JavaField field) {
					used.add(field.getRawType());
				}
				if (member instanceof JavaCodeUnit unit) {
					used.add(unit.getRawReturnType());
					used.addAll(unit.getRawParameterTypes());
				}
				for (JavaClass usedType : used) {
					if (isInternal(usedType.getBaseComponentType())) {
						leaks.add(member.getFullName() + " uses " + usedType.getName());
					}
				}
			}
			JavaClass parent = type.getRawSuperclass().orElse(null);
			if (parent != null && isInternal(parent)) {
				leaks.add(type.getName() + " extends " + parent.getName());
			}
		}
		assertThat(leaks).isEmpty();
	}

	private static boolean isInternal(JavaClass type) {
		return type.getPackageName().startsWith("dev.strata.")
				&& (type.getPackageName().endsWith(".internal") || type.getPackageName().contains(".internal."));
	}

	/**
	 * Edges against the pipeline's order that exist today: none. An edge that must exist
	 * is named here, with why.
	 */
	private static boolean knownEdge(String from, String to) {
		return false;
	}

}
