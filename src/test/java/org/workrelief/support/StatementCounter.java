package org.workrelief.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Test only: wraps the application's {@link DataSource} so that every SQL statement sent to the
 * database ({@code execute...} on a statement, a batch counting once) is recorded while the current
 * thread runs {@link #record}. Other threads (scheduled jobs, the pool's house-keeping) are not
 * counted. Register it with {@code @Import(StatementCounter.class)}.
 */
public class StatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** The statements run by {@code work} on this thread, in order (the SQL text of each). */
    public static List<String> record(Callable<?> work) throws Exception {
        List<String> statements = new ArrayList<>();
        RECORDING.set(statements);
        try {
            work.call();
        }
        finally {
            RECORDING.remove();
        }
        return statements;
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

    private record StatementHandler(Statement target, String preparedSql) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            List<String> statements = RECORDING.get();
            if (statements != null && method.getName().startsWith("execute")) {
                statements.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql
                        : String.valueOf(preparedSql));
            }
            return StatementCounter.invoke(target, method, args);
        }
    }
}
