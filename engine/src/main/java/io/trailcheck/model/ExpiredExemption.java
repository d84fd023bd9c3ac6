package io.trailcheck.model;

import java.time.LocalDate;

/**
 * An exemption in a policy file that is past its expiry date: it no longer applies.
 *
 * @param rule     the rule it exempted
 * @param key      what it covered (rule/agent=…/channel=…)
 * @param expires  its last day
 * @param ticket   its ticket, if any
 * @param location where it is written
 */
public record ExpiredExemption(String rule, String key, LocalDate expires, String ticket, SourceLocation location) {}
