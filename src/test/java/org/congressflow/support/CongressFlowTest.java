package org.congressflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole application with its engine, on in-memory H2 by default, or on a real PostgreSQL when
 * run with {@code -Dcongressflow.test.database=postgres} (the second Surefire execution does that). E-mails go to
 * the in-process SMTP server of {@link TestSmtp}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// only the classpath copies of the config files: ./config/application.yaml would outrank the test profile
@SpringBootTest(properties = "spring.config.location=classpath:/")
@ActiveProfiles(resolver = TestDatabase.class)
@ContextConfiguration(initializers = TestSmtp.class)
@ExtendWith(ResetClock.class)
// records which flow nodes and sequence flows each test passes (camunda-process-test-coverage)
@Import(ProcessEngineCoverageConfiguration.class)
public @interface CongressFlowTest {}
