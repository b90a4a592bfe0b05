package dev.strata.example;

import java.util.List;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The HTTP API: the catalogue, and lending and returning books. */
@RestController
@RequestMapping("/api")
public class LibraryController {

	private final LibraryRepository library;

	public LibraryController(LibraryRepository library) {
		this.library = library;
	}

	@GetMapping("/books")
	public List<LibraryRepository.CatalogueEntry> books() {
		return this.library.catalogue();
	}

	@GetMapping("/books/{id}")
	public ResponseEntity<LibraryRepository.CatalogueEntry> book(@PathVariable long id) {
		return ResponseEntity.of(this.library.book(id));
	}

	@PostMapping("/loans")
	public ResponseEntity<Map<String, Object>> lend(@RequestBody LoanRequest request) {
		try {
			long loanId = this.library.lend(request.bookId(), request.borrower());
			return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("loanId", loanId));
		}
		catch (DataAccessException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(Map.of("error", String.valueOf(ex.getMostSpecificCause().getMessage())));
		}
	}

	@PostMapping("/loans/{id}/return")
	public ResponseEntity<Void> giveBack(@PathVariable long id) {
		return this.library.giveBack(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	/** A request to lend a book. */
	public record LoanRequest(long bookId, String borrower) {
	}

}
