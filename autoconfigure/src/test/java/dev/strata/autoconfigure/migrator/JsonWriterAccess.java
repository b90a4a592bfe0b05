package dev.strata.autoconfigure.migrator;

/** Opens the package-private writer to the characterisation test. */
public final class JsonWriterAccess {

	private JsonWriterAccess() {
	}

	public static String sample(Object none, long n) {
		return new JsonWriter().beginObject()
			.name("a").value("x")
			.name("n").value(n)
			.name("none").nullValue()
			.name("empty").beginArray().endArray()
			.name("list").beginArray().value("a").beginObject().name("b").value(1).endObject().endArray()
			.name("object").beginObject().endObject()
			.endObject() + "\n";
	}

	public static String string(String text) {
		return new JsonWriter().value(text).toString();
	}

	public static String number(Number number) {
		return new JsonWriter().value(number).toString();
	}

}
