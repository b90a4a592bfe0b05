package dev.strata;

import java.util.regex.Pattern;

/** Makes JDBC URLs safe to log: passwords never leave the process. */
public final class JdbcUrls {

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;](?:password|sslpassword)=)[^&;]*");

	private static final Pattern USER_INFO = Pattern.compile("//([^/@?]*):[^/@?]*@");

	private JdbcUrls() {
	}

	/** The URL with any password replaced by {@code ***}. */
	public static String redact(String url) {
		String withoutParameter = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
		return USER_INFO.matcher(withoutParameter).replaceAll("//$1:***@");
	}

}
