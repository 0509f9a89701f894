package org.congressflow.progress;

/** The caller may not see this campaign or organisation (403). */
class NotVisibleException extends RuntimeException {

  NotVisibleException(String message) {
    super(message);
  }
}
