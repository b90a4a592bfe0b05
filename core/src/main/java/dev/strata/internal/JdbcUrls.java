package dev.strata.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Makes JDBC URLs safe to log: passwords never leave the process. */
public final class JdbcUrls {

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;](?:password|sslpassword)=)[^&;]*");

	private static final Pattern PASSWORD_ONLY = Pattern.compile("(?i)([?&])password=([^&]*)");

	private static final Pattern USER_INFO = Pattern.compile("//([^/@?]*):[^/@?]*@");

	private JdbcUrls() {
	}

	/**
	 * Takes a {@code password} parameter out of a URL, so the password travels as a
	 * connection property and never sits in a URL that a pool, driver or framework might
	 * log.
	 * @return the URL without the parameter, and the password ({@code null} if there was
	 * none)
	 */
	public static PasswordSplit splitPassword(String url) {
		Matcher matcher = PASSWORD_ONLY.matcher(url);
		if (!matcher.find()) {
			return new PasswordSplit(url, null);
		}
		String password = java.net.URLDecoder.decode(matcher.group(2), java.nio.charset.StandardCharsets.UTF_8);
		String rest = url.substring(0, matcher.start()) + url.substring(matcher.end());
		if (matcher.group(1).equals("?") && rest.indexOf('?') < 0) {
			rest = rest.replaceFirst("&", "?");
		}
		return new PasswordSplit(rest, password);
	}

	/**
	 * A URL with its password taken out.
	 *
	 * @param url the URL without the password
	 * @param password the password, {@code null} if the URL had none
	 */
	public record PasswordSplit(String url, @Nullable String password) {
	}

	/**
	 * The URL without its parameters, for log lines:
	 * {@code jdbc:postgresql://db:5432/app}.
	 */
	public static String forLog(String url) {
		int parameters = url.indexOf('?');
		return redact((parameters < 0) ? url : url.substring(0, parameters));
	}

	/** The URL with any password replaced by {@code ***}. */
	public static String redact(String url) {
		String withoutParameter = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
		return USER_INFO.matcher(withoutParameter).replaceAll("//$1:***@");
	}

}
