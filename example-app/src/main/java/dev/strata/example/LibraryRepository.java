package dev.strata.example;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the catalogue view and lends books through the {@code lend_book} function. */
@Repository
public class LibraryRepository {

	private final JdbcClient jdbc;

	public LibraryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<CatalogueEntry> catalogue() {
		return this.jdbc.sql("select id, title, author, published, copies, available from catalogue order by title")
			.query(CatalogueEntry.class)
			.list();
	}

	public Optional<CatalogueEntry> book(long id) {
		return this.jdbc.sql("select id, title, author, published, copies, available from catalogue where id = ?")
			.param(id)
			.query(CatalogueEntry.class)
			.optional();
	}

	public long lend(long bookId, String borrower) {
		return this.jdbc.sql("select lend_book(?, ?)").param(bookId).param(borrower).query(Long.class).single();
	}

	public boolean giveBack(long loanId) {
		return this.jdbc.sql("update loan set returned_on = current_date where id = ? and returned_on is null")
			.param(loanId)
			.update() == 1;
	}

	/** One row of the {@code catalogue} view. */
	public record CatalogueEntry(long id, String title, String author, Integer published, int copies, long available) {
	}

}
