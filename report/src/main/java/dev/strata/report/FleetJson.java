package dev.strata.report;

import java.util.Map;

import dev.strata.fleet.FleetResult;
import dev.strata.fleet.TenantResult;
import dev.strata.fleet.TenantState;
import dev.strata.report.json.JsonWriter;

/**
 * Writes a fleet's result, the shape {@code common.schema.json#/$defs/fleet}: counts by
 * state, then every tenant, in the order given.
 */
public final class FleetJson {

	private FleetJson() {
	}

	public static JsonWriter write(JsonWriter json, FleetResult fleet) {
		json.beginObject().name("counts").beginObject();
		for (Map.Entry<TenantState, Integer> count : fleet.counts().entrySet()) {
			json.name(count.getKey().name()).value(count.getValue());
		}
		json.endObject().name("durationMs").value(fleet.duration().toMillis()).name("tenants").beginArray();
		for (TenantResult tenant : fleet.tenants()) {
			tenant(json, tenant);
		}
		return json.endArray().endObject();
	}

	public static JsonWriter tenant(JsonWriter json, TenantResult tenant) {
		return json.beginObject()
			.name("name")
			.value(tenant.name())
			.name("schema")
			.value(tenant.schema())
			.name("state")
			.value(tenant.state().name())
			.name("applied")
			.value(tenant.applied())
			.name("pending")
			.value(tenant.pending())
			.name("version")
			.value(tenant.version())
			.name("durationMs")
			.value(tenant.duration().toMillis())
			.name("error")
			.value(tenant.error())
			.name("category")
			.value((tenant.category() != null) ? tenant.category().name() : null)
			.endObject();
	}

}
