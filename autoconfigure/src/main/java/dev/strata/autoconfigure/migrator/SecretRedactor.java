package dev.strata.autoconfigure.migrator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.strata.internal.JdbcUrls;

import org.springframework.core.env.Environment;

/**
 * Removes credentials from text that leaves the process. Strata's own messages never
 * contain them; this is the second line of defence for messages of drivers and
 * frameworks, which may quote a URL or a value: every configured password and every
 * password inside a JDBC URL is masked.
 */
final class SecretRedactor implements UnaryOperator<String> {

	private static final List<String> PASSWORD_PROPERTIES = List.of("strata.password", "strata.datasource.password",
			"spring.datasource.password");

	private static final String MASK = "******";

	/**
	 * Shorter values would mask ordinary words; such passwords are not worth protecting
	 * anyway.
	 */
	private static final int MIN_LENGTH = 4;

	private final List<String> secrets;

	SecretRedactor(List<String> secrets) {
		this.secrets = secrets.stream().filter((secret) -> secret.length() >= MIN_LENGTH).toList();
	}

	static SecretRedactor from(Environment environment) {
		List<String> secrets = new ArrayList<>();
		for (String property : PASSWORD_PROPERTIES) {
			String value = environment.getProperty(property);
			if (value != null) {
				secrets.add(value);
			}
		}
		return new SecretRedactor(secrets);
	}

	@Override
	public String apply(String text) {
		String redacted = JdbcUrls.redact(text);
		for (String secret : this.secrets) {
			redacted = redacted.replace(secret, MASK);
		}
		return redacted;
	}

}
