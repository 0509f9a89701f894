package org.congressflow.organisation;

import java.time.LocalDate;

/** Everything a congress process needs to know about its organisation: names, groups and deadline. */
public record CongressSetting(
    String organisationId,
    String organisationName,
    String congressName,
    Level level,
    boolean pilot,
    boolean delegatesCongress,
    int members,
    LocalDate due,
    String staffGroup,
    String leadersGroup,
    String superiorGroup,
    String appraisalGroup,
    String inspectionGroup,
    String escalationGroup,
    String standingGroup) {}
