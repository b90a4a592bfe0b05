package dev.strata.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import dev.strata.drift.internal.CatalogQuery;
import dev.strata.drift.internal.ChangeAssembler;
import dev.strata.drift.internal.Definition;

class SmallPartsTest {

	@Test
	void definitionsRoundTripEscapedValues() {
		String body = "line one\n\tline \\two\r\n";
		Definition.parse("definition: " + Definition.escape(body) + "\nvalid: true");
		assertThat(Definition.parse("definition: " + Definition.escape(body) + "\nvalid: true")).containsExactly(
				org.assertj.core.api.Assertions.entry("definition", body),
				org.assertj.core.api.Assertions.entry("valid", "true"));
	}

	@Test
	void splitsTheColumnOffQuotedIdentities() {
		assertThat(ChangeAssembler.splitLast("public.t.c")).containsExactly("public.t", "c");
		assertThat(ChangeAssembler.splitLast("\"My.Schema\".\"T\".\"a\"\"b\"")).containsExactly("\"My.Schema\".\"T\"",
				"\"a\"\"b\"");
		assertThat(ChangeAssembler.splitLast("s.t.\"\"\"\"")).containsExactly("s.t", "\"\"\"\"");
	}

	@Test
	void columnsAreFoldedIntoTheirTable() {
		List<ObjectChange> changes = ChangeAssembler
			.assemble(List.of(new ChangeAssembler.Row("column", "public.t.b", null, "type: text\nnot null: false"),
					new ChangeAssembler.Row("index", "public.i", "definition: CREATE INDEX i ON public.t (a)", null)));
		assertThat(changes).extracting(ObjectChange::kind).containsExactly(ObjectKind.TABLE, ObjectKind.INDEX);
		assertThat(changes.get(0).change()).isEqualTo(ChangeType.CHANGED);
		assertThat(changes.get(0).column("b").orElseThrow().after()).containsEntry("type", "text");
	}

	@Test
	void onlyGrantsOwnersAndCommentsAreOptIn() {
		assertThat(new DriftSettings(List.of(), Set.of(ObjectKind.GRANT, ObjectKind.OWNER)).optInKinds())
			.containsExactlyInAnyOrder(ObjectKind.GRANT, ObjectKind.OWNER);
		assertThatThrownBy(() -> new DriftSettings(List.of(), Set.of(ObjectKind.TABLE)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(ObjectKind.defaults()).doesNotContain(ObjectKind.GRANT, ObjectKind.OWNER, ObjectKind.COMMENT)
			.contains(ObjectKind.TABLE, ObjectKind.POLICY);
	}

	@Test
	void everyKindHasASelect() {
		for (ObjectKind kind : ObjectKind.values()) {
			assertThat(CatalogQuery.select(kind)).startsWith("select '" + kind.label() + "'");
		}
	}

}
