package org.congressflow.archfixture.a;

import org.congressflow.archfixture.b.Pong;

/** Half of a deliberate cycle: ArchitectureTest shows that its cycle rule reports {@code a <-> b}. */
public class Ping {

  public Pong answer() {
    return new Pong();
  }
}
