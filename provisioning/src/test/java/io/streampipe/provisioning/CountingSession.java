package io.streampipe.provisioning;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A session that records every statement handed to it before passing it on, so a test proves what
 * reached Cassandra (and what did not) at the driver's own boundary.
 */
final class CountingSession implements InvocationHandler {
  private final CqlSession delegate;
  private final List<String> sent = new ArrayList<>();

  private CountingSession(CqlSession delegate) {
    this.delegate = delegate;
  }

  static CountingSession over(CqlSession delegate) {
    return new CountingSession(delegate);
  }

  CqlSession session() {
    return (CqlSession)
        Proxy.newProxyInstance(
            CqlSession.class.getClassLoader(), new Class<?>[] {CqlSession.class}, this);
  }

  synchronized List<String> sent() {
    return List.copyOf(sent);
  }

  /** Statements other than reads: what changed the schema. */
  synchronized List<String> ddl() {
    return sent.stream().filter(s -> !s.startsWith("SELECT")).toList();
  }

  synchronized void reset() {
    sent.clear();
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getName().startsWith("execute") && args != null && args.length > 0) {
      synchronized (this) {
        sent.add(text(args[0]));
      }
    }
    try {
      // The real session runs any default method itself, so one call is recorded once.
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static String text(Object statement) {
    return statement instanceof SimpleStatement simple ? simple.getQuery() : statement.toString();
  }
}
