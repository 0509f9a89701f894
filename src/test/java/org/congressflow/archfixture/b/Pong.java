package org.congressflow.archfixture.b;

import org.congressflow.archfixture.a.Ping;

/** The other half of the deliberate cycle of {@link Ping}. */
public class Pong {

  public Ping answer() {
    return new Ping();
  }
}
