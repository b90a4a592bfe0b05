package dev.strata.fleet;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * A real DataSource that counts what goes through it: connections opened and statements
 * executed (each a round trip).
 */
final class CountingDataSource {

	final AtomicInteger connections = new AtomicInteger();

	final AtomicInteger executions = new AtomicInteger();

	private final DataSource dataSource;

	CountingDataSource(DataSource dataSource) {
		this.dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, forward(dataSource, (method, result) -> {
					if (method.getName().equals("getConnection")) {
						this.connections.incrementAndGet();
						return wrap((Connection) result, Connection.class);
					}
					return result;
				}));
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	private Object wrap(Object target, Class<?> type) {
		return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type },
				forward(target, (method, result) -> {
					if (result instanceof Statement statement && method.getName().endsWith("Statement")) {
						Class<?> kind = (result instanceof java.sql.PreparedStatement)
								? java.sql.PreparedStatement.class : Statement.class;
						return wrap(statement, kind);
					}
					if (method.getName().startsWith("execute")) {
						this.executions.incrementAndGet();
					}
					return result;
				}));
	}

	private static InvocationHandler forward(Object target, Wrapper wrapper) {
		return (proxy, method, args) -> {
			try {
				return wrapper.wrap(method, method.invoke(target, args));
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
	}

	@FunctionalInterface
	private interface Wrapper {

		Object wrap(Method method, Object result);

	}

}
