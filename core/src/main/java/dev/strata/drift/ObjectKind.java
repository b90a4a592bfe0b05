package dev.strata.drift;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of objects a snapshot holds. Grants, owners and comments usually differ
 * between environments (another owner role, a DBA's comment), so they are compared only
 * when asked for.
 */
public enum ObjectKind {

	SCHEMA("schema"),

	EXTENSION("extension"),

	TABLE("table"),

	/** A column, reported as part of its table. */
	COLUMN("column"),

	CONSTRAINT("constraint"),

	INDEX("index"),

	SEQUENCE("sequence"),

	VIEW("view"),

	MATERIALIZED_VIEW("materialized view"),

	FUNCTION("function"),

	PROCEDURE("procedure"),

	AGGREGATE("aggregate"),

	TRIGGER("trigger"),

	RULE("rule"),

	POLICY("policy"),

	ENUM("enum"),

	DOMAIN("domain"),

	COMPOSITE_TYPE("composite type"),

	RANGE_TYPE("range type"),

	GRANT("grant", true),

	OWNER("owner", true),

	COMMENT("comment", true);

	private final String label;

	private final boolean optIn;

	ObjectKind(String label) {
		this(label, false);
	}

	ObjectKind(String label, boolean optIn) {
		this.label = label;
		this.optIn = optIn;
	}

	/** The name stored in the snapshot table and shown in reports. */
	public String label() {
		return this.label;
	}

	/** Whether the kind is compared only when configured. */
	public boolean optIn() {
		return this.optIn;
	}

	/** Every kind that is compared unless configured otherwise. */
	public static Set<ObjectKind> defaults() {
		return Arrays.stream(values())
			.filter((kind) -> !kind.optIn)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(ObjectKind.class)));
	}

	/** The kind with this label. */
	public static ObjectKind ofLabel(String label) {
		for (ObjectKind kind : values()) {
			if (kind.label.equals(label)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown object kind: " + label);
	}

}
