package dev.strata.drift;

import org.jspecify.annotations.Nullable;

/**
 * One attribute of an object that changed, such as a column's {@code type} or a trigger's
 * {@code enabled}.
 *
 * @param name the attribute
 * @param before the stored value, {@code null} when it was absent
 * @param after the live value, {@code null} when it is absent
 * @param diff a unified diff when either value spans several lines (function and view
 * bodies), else {@code null}
 */
public record AttributeChange(String name, @Nullable String before, @Nullable String after, @Nullable String diff) {
}
