package org.congressflow;

import org.congressflow.importing.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** CongressFlow: a district's congress campaign as Camunda 7 workflows, embedded in Spring Boot. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CongressFlowApplication {

  public static void main(String[] args) {
    // a file conversion for the district office: no engine, no database
    if (ImportCommand.wanted(args)) {
      System.exit(ImportCommand.run(args));
    }
    SpringApplication.run(CongressFlowApplication.class, args);
  }
}
