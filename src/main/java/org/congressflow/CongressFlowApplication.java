package org.congressflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** CongressFlow: a district's congress campaign as Camunda 7 workflows, embedded in Spring Boot. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CongressFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(CongressFlowApplication.class, args);
  }
}
