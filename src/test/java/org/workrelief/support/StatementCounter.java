package org.workrelief.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Test only: wraps the application's {@link DataSource} so that every SQL statement sent to the
 * database ({@code execute...} on a statement, a batch counting once) is recorded while the current
 * thread runs {@link #record}. Other threads (scheduled jobs, the pool's house-keeping) are not
 * counted. It keeps each statement's parameter values too, so that a test can EXPLAIN it and a
 * benchmark replay it by plain JDBC. Register it with {@code @Import(StatementCounter.class)}.
 */
public class StatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<List<Executed>> RECORDING = new ThreadLocal<>();

    /** Where every thread's statements go while {@link #recordEverywhere} runs. */
    private static volatile List<Executed> everywhere;

    /** One statement as it was sent: its SQL and the values bound to its parameters, in order. */
    public record Executed(String sql, List<Object> parameters) {

        /** Binds the values to a statement of the same SQL (or of SQL that ends with it, as EXPLAIN's). */
        public void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i) instanceof SqlNull empty) {
                    statement.setNull(i + 1, empty.sqlType());
                }
                else {
                    statement.setObject(i + 1, parameters.get(i));
                }
            }
        }

        /** Runs it again on a connection, with the same values, reading every row it answers. */
        public void replay(Connection connection) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement);
                boolean rows = statement.execute();
                while (true) {
                    if (rows) {
                        try (ResultSet result = statement.getResultSet()) {
                            while (result.next()) {
                                // read, as the page did
                            }
                        }
                    }
                    else if (statement.getUpdateCount() == -1) {
                        return;
                    }
                    rows = statement.getMoreResults();
                }
            }
        }
    }

    /** A parameter set to SQL NULL, with the type it was given (PostgreSQL needs one to plan). */
    public record SqlNull(int sqlType) {
    }

    /** The statements run by {@code work} on this thread, in order (the SQL text of each). */
    public static List<String> record(Callable<?> work) throws Exception {
        return recordExecuted(work).stream().map(Executed::sql).toList();
    }

    /** The statements run by {@code work} on this thread, in order, with their parameter values. */
    public static List<Executed> recordExecuted(Callable<?> work) throws Exception {
        List<Executed> statements = new ArrayList<>();
        RECORDING.set(statements);
        try {
            work.call();
        }
        finally {
            RECORDING.remove();
        }
        return statements;
    }

    /**
     * The statements every thread runs while {@code work} runs (an HTTP request served by the web
     * server's threads, say): nothing else may use the database meanwhile.
     */
    public static List<Executed> recordEverywhere(Callable<?> work) throws Exception {
        List<Executed> statements = java.util.Collections.synchronizedList(new ArrayList<>());
        everywhere = statements;
        try {
            work.call();
        }
        finally {
            everywhere = null;
        }
        return List.copyOf(statements);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(bean, ClassUtils.getAllInterfacesForClass(bean.getClass()), new DataSourceHandler(bean));
        }
        return bean;
    }

    private static Object proxy(Object target, Class<?>[] interfaces, InvocationHandler handler) {
        return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), interfaces, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException e) {
            throw e.getTargetException();
        }
    }

    private record DataSourceHandler(Object target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = StatementCounter.invoke(target, method, args);
            return result instanceof Connection connection && method.getName().equals("getConnection")
                    ? proxy(connection, new Class<?>[] { Connection.class }, new ConnectionHandler(connection))
                    : result;
        }
    }

    private record ConnectionHandler(Connection target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = StatementCounter.invoke(target, method, args);
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
            String name = method.getName();
            if (result instanceof CallableStatement call && name.equals("prepareCall")) {
                return proxy(call, new Class<?>[] { CallableStatement.class }, new StatementHandler(call, sql));
            }
            if (result instanceof PreparedStatement prepared && name.equals("prepareStatement")) {
                return proxy(prepared, new Class<?>[] { PreparedStatement.class }, new StatementHandler(prepared, sql));
            }
            if (result instanceof Statement statement && name.equals("createStatement")) {
                return proxy(statement, new Class<?>[] { Statement.class }, new StatementHandler(statement, null));
            }
            return result;
        }
    }

    private static final class StatementHandler implements InvocationHandler {

        private final Statement target;
        private final String preparedSql;
        private final Map<Integer, Object> parameters = new TreeMap<>();

        StatementHandler(Statement target, String preparedSql) {
            this.target = target;
            this.preparedSql = preparedSql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                parameters.put(index, name.equals("setNull") ? new SqlNull((Integer) args[1]) : args[1]);
            }
            else if (name.equals("clearParameters")) {
                parameters.clear();
            }
            else if (name.startsWith("execute")) {
                Executed executed = new Executed(args != null && args.length > 0 && args[0] instanceof String sql ? sql
                        : String.valueOf(preparedSql), new ArrayList<>(parameters.values()));
                List<Executed> statements = RECORDING.get();
                if (statements != null) {
                    statements.add(executed);
                }
                List<Executed> all = everywhere;
                if (all != null) {
                    all.add(executed);
                }
            }
            return StatementCounter.invoke(target, method, args);
        }
    }
}
