package org.congressflow;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The package rules of docs/architecture.md, on the main code (a test may drive any feature). Each feature is a
 * top-level package of {@code org.congressflow}.
 */
@AnalyzeClasses(packages = "org.congressflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * The packages that plug into the engine (plugins, history handler, guarded services, rule evaluation, the job
   * executor's health and the engine's meters).
   */
  private static final String[] ENGINE_EXTENSIONS = {"org.congressflow.decision..", "org.congressflow.form..",
      "org.congressflow.monitoring..", "org.congressflow.progress..", "org.congressflow.rules..",
      "org.congressflow.security.."};

  @ArchTest
  static final ArchRule featuresDoNotDependOnEachOtherInACycle = featuresAreFreeOfCycles("org.congressflow");

  @ArchTest
  static final ArchRule theCampaignFileDependsOnNoOtherFeature = noClasses()
      .that().resideInAPackage("org.congressflow.campaign..")
      .should().dependOnClassesThat(resideInAPackage("org.congressflow..")
          .and(not(resideInAPackage("org.congressflow.campaign.."))))
      .because("every feature reads the campaign file, so the file reads none of them; what a feature prepares"
          + " for a new campaign it plugs in as a CampaignSetup");

  @ArchTest
  static final ArchRule onlyEngineExtensionsUseEngineInternals = noClasses()
      .that().resideOutsideOfPackages(ENGINE_EXTENSIONS)
      .should().dependOnClassesThat(resideInAPackage("org.camunda.bpm.engine.impl..")
          .and(not(equivalentTo(ClockUtil.class))))
      .because("Camunda's internal API may change in any release, so an upgrade checks only the engine extensions;"
          + " ClockUtil is the engine's clock, which every step reads so that tests can move time");

  @ArchTest
  static final ArchRule nothingDependsOnAController = noClasses()
      .should().dependOnClassesThat().areAnnotatedWith(RestController.class)
      .because("a controller only turns HTTP into a call of its feature's service; processes and other features"
          + " call that service");

  @ArchTest
  static final ArchRule processStepsDoNotDependOnTheWeb = noClasses()
      .that().implement(JavaDelegate.class).or().implement(ExecutionListener.class).or().implement(TaskListener.class)
      .should().dependOnClassesThat().resideInAnyPackage("org.congressflow.security..", "org.springframework.web..",
          "org.springframework.security..", "jakarta.servlet..")
      .because("a step also runs from a timer or a retried job, with no request and no caller: it takes who and"
          + " what from the process");

  @Test
  void theCycleRuleReportsTwoFeaturesThatImportEachOther() {
    var fixture = new ClassFileImporter().importPackages("org.congressflow.archfixture");

    var result = featuresAreFreeOfCycles("org.congressflow.archfixture").evaluate(fixture);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("Slice a -> ", "Slice b -> ");
  }

  private static ArchRule featuresAreFreeOfCycles(String basePackage) {
    return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
        .because("a feature can be read, changed and tested on its own only if it does not depend on itself"
            + " through others; a cycle makes two features one");
  }
}
