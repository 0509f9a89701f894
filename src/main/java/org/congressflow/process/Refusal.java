package org.congressflow.process;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A step refuses what a person submitted (a missing comment, a bad row of a member list, a level quota): the
 * message, in Vietnamese, says what to fix. Thrown from a listener or a delegate, the engine wraps it as its own
 * error (HTTP 500 over REST); the guarded task and form services hand it on as a form validation error, which the
 * engine REST API answers with 400 and the message.
 */
public class Refusal extends ProcessEngineException {

  public Refusal(String message) {
    super(message);
  }

  /** The refusal an engine error was caused by, if it was. */
  public static Optional<Refusal> causing(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof Refusal refusal) {
        return Optional.of(refusal);
      }
    }
    return Optional.empty();
  }
}
