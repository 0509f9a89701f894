package org.congressflow.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The database of {@link CongressFlowWebTest}: an in-memory H2 of its own (profile {@code web}), or in the PostgreSQL
 * execution the PostgreSQL test database, as {@link TestDatabase} chooses it.
 */
public class WebTestDatabase implements ActiveProfilesResolver {

  @Override
  public String[] resolve(Class<?> testClass) {
    return TestDatabase.isPostgres() ? new TestDatabase().resolve(testClass) : new String[] {"test", "web"};
  }
}
