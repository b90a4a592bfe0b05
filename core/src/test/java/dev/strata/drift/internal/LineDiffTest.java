package dev.strata.drift.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LineDiffTest {

	@Test
	void equalTextsHaveNoDiff() {
		assertThat(LineDiff.unified("a\nb\n", "a\nb\n")).isEmpty();
	}

	@Test
	void showsTheChangedLineWithContext() {
		String before = "CREATE FUNCTION f()\n RETURNS int\n LANGUAGE sql\nAS $$ select 1 $$\n";
		String after = "CREATE FUNCTION f()\n RETURNS int\n LANGUAGE sql\nAS $$ select 2 $$\n";
		assertThat(LineDiff.unified(before, after)).isEqualTo("""
				--- before
				+++ after
				@@ -1,5 +1,5 @@
				 CREATE FUNCTION f()
				  RETURNS int
				  LANGUAGE sql
				-AS $$ select 1 $$
				+AS $$ select 2 $$
				\s
				""");
	}

	@Test
	void distantChangesGetSeparateHunks() {
		List<String> before = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			before.add("line " + i);
		}
		List<String> after = new ArrayList<>(before);
		after.set(1, "changed 2");
		after.add(17, "inserted");
		String diff = LineDiff.unified(String.join("\n", before), String.join("\n", after));
		assertThat(diff).contains("@@ -1,5 +1,5 @@\n line 1\n-line 2\n+changed 2\n line 3\n")
			.contains("@@ -15,6 +15,7 @@\n line 15\n line 16\n line 17\n+inserted\n line 18\n");
	}

	@Test
	void insertionIntoEmptyText() {
		assertThat(LineDiff.unified("", "a\nb")).isEqualTo("--- before\n+++ after\n@@ -0,0 +1,2 @@\n+a\n+b\n");
	}

	@Test
	void editScriptIsMinimalAndReproducesBothSides() {
		Random random = new Random(42);
		for (int round = 0; round < 300; round++) {
			List<String> before = randomLines(random);
			List<String> after = randomLines(random);
			List<LineDiff.Edit> edits = LineDiff.edits(before, after);
			List<String> old = new ArrayList<>();
			List<String> fresh = new ArrayList<>();
			int changes = 0;
			for (LineDiff.Edit edit : edits) {
				if (edit.op() != LineDiff.Op.INSERT) {
					old.add(edit.line());
				}
				if (edit.op() != LineDiff.Op.DELETE) {
					fresh.add(edit.line());
				}
				changes += (edit.op() == LineDiff.Op.KEEP) ? 0 : 1;
			}
			assertThat(old).isEqualTo(before);
			assertThat(fresh).isEqualTo(after);
			assertThat(changes).isEqualTo(before.size() + after.size() - 2 * lcs(before, after));
		}
	}

	private static List<String> randomLines(Random random) {
		List<String> lines = new ArrayList<>();
		int size = random.nextInt(12);
		for (int i = 0; i < size; i++) {
			lines.add(String.valueOf((char) ('a' + random.nextInt(4))));
		}
		return lines;
	}

	private static int lcs(List<String> a, List<String> b) {
		int[][] table = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				table[i][j] = a.get(i).equals(b.get(j)) ? table[i + 1][j + 1] + 1
						: Math.max(table[i + 1][j], table[i][j + 1]);
			}
		}
		return table[0][0];
	}

}
