package dev.strata.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.strata.Strata;
import dev.strata.autoconfigure.StrataProperties.OnStartup;

/**
 * The {@code strata.targets.<name>.*} targets: one {@link Strata} each, by name, in the
 * order they are configured. The default target ({@code strata.*}) is the {@code Strata}
 * bean and not among them. Each is also a bean of its own, {@code strata<Name>}
 * ({@code strataReporting} for {@code strata.targets.reporting}), injected by that name
 * only: autowiring a {@code Strata} by type still gets the default one.
 */
public final class StrataTargets {

	private final Map<String, Target> targets;

	StrataTargets(Map<String, Target> targets) {
		this.targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
	}

	/** The names of the targets, in the order they are configured. */
	public Set<String> names() {
		return this.targets.keySet();
	}

	/**
	 * The target of that name.
	 * @throws IllegalArgumentException when {@code strata.targets} has no such target
	 */
	public Strata get(String name) {
		return target(name).strata();
	}

	OnStartup onStartup(String name) {
		return target(name).onStartup();
	}

	private Target target(String name) {
		Target target = this.targets.get(name);
		if (target == null) {
			throw new IllegalArgumentException(
					"No target '" + name + "' in strata.targets; the targets are " + this.targets.keySet());
		}
		return target;
	}

	/** A target's Strata and what it does at start-up. */
	record Target(Strata strata, OnStartup onStartup) {
	}

}
