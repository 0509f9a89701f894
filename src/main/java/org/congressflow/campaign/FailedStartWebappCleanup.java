package org.congressflow.campaign;

import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;

/**
 * A start refused during refresh (a changed campaign file, a weak administrator password) leaves Camunda's webapp
 * filters of its Tomcat, and possibly its context, in {@link LazyInitRegistration}'s static fields: a failed refresh
 * publishes no ContextClosedEvent. The next start in the same JVM (a test run, a DevTools restart) would initialise
 * those dead filters too, or take the dead context's beans. This forgets them. Registered in META-INF/spring.factories,
 * since a failed context no longer calls its own listeners. (A subclass only to reach the protected static fields.)
 */
class FailedStartWebappCleanup extends LazyInitRegistration implements ApplicationListener<ApplicationFailedEvent> {

  @Override
  public void onApplicationEvent(ApplicationFailedEvent event) {
    synchronized (LazyInitRegistration.class) {
      if (event.getApplicationContext() == null || APPLICATION_CONTEXT == event.getApplicationContext()) {
        APPLICATION_CONTEXT = null;
      }
      REGISTRATION.clear();
    }
  }
}
