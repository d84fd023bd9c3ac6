package io.trailcheck.model;

/**
 * A user an exemption leaves out of a rule's count (a service account, a shared device), listed in local
 * reports with the exemption that covers them.
 *
 * @param id                directory id
 * @param userPrincipalName principal name, if exported
 * @param rule              the rule whose count leaves them out (CIL004, CIL005)
 * @param exemption         the exemption's key
 * @param ticket            its ticket, if any
 * @param expires           its last day (ISO date)
 */
public record ExemptedUser(String id, String userPrincipalName, String rule, String exemption, String ticket,
                           String expires) {}
