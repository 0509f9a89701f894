package org.congressflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator created at start-up ({@code CONGRESSFLOW_ADMIN_*} in the environment). Its password is set only
 * when the user is created: a password changed later in Admin is kept.
 */
@ConfigurationProperties("congressflow.admin")
record AdminProperties(String id, String password, String firstName, String lastName, String email) {

  boolean complete() {
    return id != null && !id.isBlank() && password != null && !password.isBlank();
  }
}
