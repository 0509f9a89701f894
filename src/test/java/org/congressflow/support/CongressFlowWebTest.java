package org.congressflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port (for HTTP and browser tests), on its own in-memory H2, or on PostgreSQL in
 * the second Surefire execution ({@link WebTestDatabase}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.location=classpath:/")
@ActiveProfiles(resolver = WebTestDatabase.class)
@ContextConfiguration(initializers = TestSmtp.class)
@ExtendWith(ResetClock.class)
// records which flow nodes and sequence flows each test passes (camunda-process-test-coverage)
@Import(ProcessEngineCoverageConfiguration.class)
public @interface CongressFlowWebTest {}
