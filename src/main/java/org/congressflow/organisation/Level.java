package org.congressflow.organisation;

/** The three levels of congress in a district campaign. */
public enum Level {
  CELL, BASE, DISTRICT;

  public String code() {
    return name().toLowerCase();
  }
}
