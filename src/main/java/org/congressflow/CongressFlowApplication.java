package org.congressflow;

import org.congressflow.campaign.ValidateCommand;
import org.congressflow.importing.GenerateCommand;
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
    // a campaign file of a chosen size, for load tests and benchmarks
    if (GenerateCommand.wanted(args)) {
      System.exit(GenerateCommand.run(args));
    }
    // the checks of start-up on a campaign file, without starting anything
    if (ValidateCommand.wanted(args)) {
      var outcome = ValidateCommand.run(args);
      (outcome.exitCode() == 0 ? System.out : System.err).print(outcome.output());
      System.exit(outcome.exitCode());
    }
    SpringApplication.run(CongressFlowApplication.class, args);
  }
}
