package dev.strata.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small library lending API. Strata migrates its schema at startup, before the
 * {@link LibraryRepository} (a {@code JdbcClient} user) is created.
 */
@SpringBootApplication
public class ExampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(ExampleApplication.class, args);
	}

}
