package org.congressflow.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.congressflow.organisation.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates the configured administrator while the engine starts, before the web server opens, so Camunda's set-up
 * page never lets a visitor create one. Without the demo profile it refuses to start with a missing, weak or demo
 * password, or while a well-known demo account still has a demo password.
 */
@Component
class AdministratorSetup extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(AdministratorSetup.class);

  /** The demo users with predictable ids (see DemoUsers); checking every user would cost a hash per user. */
  static final List<String> DEMO_ACCOUNTS = List.of("admin", "standing-committee-member", "organisation-board-officer",
      "inspection-officer", "province-liaison-officer", "manager");
  private static final List<String> KNOWN_PASSWORDS = List.of("demo", "admin", "password", "camunda", "changeme",
      "123456", "12345678");

  private final AdminProperties admin;
  private final boolean demo;
  private final Set<String> demoPasswords = new LinkedHashSet<>(KNOWN_PASSWORDS);

  AdministratorSetup(AdminProperties admin, Environment environment,
      @Value("${congressflow.demo.password:demo}") String demoPassword) {
    this.admin = admin;
    this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    demoPasswords.add(demoPassword);
    if (!demo) {
      refuseMissingOrDemoPassword();
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    if (!demo) {
      refuseWeakPassword(engine.getIdentityService(), configuration);
    }
    provision(engine.getIdentityService(), engine.getAuthorizationService());
    if (!demo) {
      refuseDemoAccounts(configuration);
    }
  }

  private void refuseMissingOrDemoPassword() {
    if (!admin.complete()) {
      throw refused("no administrator is configured. Set CONGRESSFLOW_ADMIN_ID and CONGRESSFLOW_ADMIN_PASSWORD "
          + "(a strong password), or start with the demo profile for a demo");
    }
    if (demoPasswords.stream().anyMatch(known -> known.equalsIgnoreCase(admin.password()))
        || admin.password().equalsIgnoreCase(admin.id())) {
      throw refused("CONGRESSFLOW_ADMIN_PASSWORD is a demo or well-known password. Set a strong one");
    }
  }

  private void refuseWeakPassword(IdentityService identity, ProcessEngineConfigurationImpl configuration) {
    // the engine's own policy (also applied in Admin when enable-password-policy is on), even if it is off
    PasswordPolicy policy = configuration.getPasswordPolicy() != null
        ? configuration.getPasswordPolicy() : new DefaultPasswordPolicyImpl();
    var user = identity.newUser(admin.id());
    user.setFirstName(admin.firstName());
    user.setLastName(admin.lastName());
    user.setEmail(admin.email());
    var result = identity.checkPasswordAgainstPolicy(policy, admin.password(), user);
    if (!result.isValid()) {
      String rules = result.getViolatedRules().stream()
          .map(rule -> rule.getPlaceholder() + (rule.getParameters() == null ? "" : " " + rule.getParameters()))
          .collect(Collectors.joining(", "));
      throw refused("CONGRESSFLOW_ADMIN_PASSWORD does not meet the password policy (" + rules + "). Set a strong "
          + "password: at least 10 characters with lower and upper case letters, a digit and a special character");
    }
  }

  private void provision(IdentityService identity, AuthorizationService authorizations) {
    if (identity.createUserQuery().userId(admin.id()).count() == 0) {
      var user = identity.newUser(admin.id());
      user.setFirstName(admin.firstName());
      user.setLastName(admin.lastName());
      user.setEmail(admin.email());
      user.setPassword(admin.password());
      identity.saveUser(user);
      log.info("Created the administrator {} from the configuration", admin.id());
    }
    if (identity.createGroupQuery().groupId(Groups.ADMINS).count() == 0) {
      var group = identity.newGroup(Groups.ADMINS);
      group.setName("Quản trị hệ thống");
      group.setType("SYSTEM");
      identity.saveGroup(group);
    }
    // what Camunda's own admin-user creation grants: ALL on every resource type
    for (var resource : Resources.values()) {
      if (authorizations.createAuthorizationQuery().groupIdIn(Groups.ADMINS).resourceType(resource)
          .resourceId(Authorization.ANY).count() == 0) {
        var grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(Groups.ADMINS);
        grant.setResource(resource);
        grant.setResourceId(Authorization.ANY);
        grant.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(grant);
      }
    }
    if (identity.createUserQuery().userId(admin.id()).memberOfGroup(Groups.ADMINS).count() == 0) {
      identity.createMembership(admin.id(), Groups.ADMINS);
    }
  }

  /** Compares the stored hashes directly: checkPassword would count failed logins against these users. */
  private void refuseDemoAccounts(ProcessEngineConfigurationImpl configuration) {
    var ids = new LinkedHashSet<>(DEMO_ACCOUNTS);
    ids.add(admin.id());
    List<String> unsafe = configuration.getCommandExecutorTxRequired().execute(context -> {
      var found = new ArrayList<String>();
      for (String id : ids) {
        var user = (UserEntity) context.getReadOnlyIdentityProvider().findUserById(id);
        if (user != null && user.getPassword() != null && demoPasswords.stream().anyMatch(password ->
            configuration.getPasswordManager().check(EncryptionUtil.saltPassword(password, user.getSalt()),
                user.getPassword()))) {
          found.add(id);
        }
      }
      return found;
    });
    if (!unsafe.isEmpty()) {
      throw refused("the accounts " + String.join(", ", unsafe) + " still have a demo password. Change their "
          + "passwords or delete these accounts (table ACT_ID_USER), then start again");
    }
  }

  private static IllegalStateException refused(String reason) {
    String message = "Refusing to start without the demo profile: " + reason + ".";
    log.error(message);
    return new IllegalStateException(message);
  }
}
