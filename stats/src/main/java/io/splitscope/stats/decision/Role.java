package io.splitscope.stats.decision;

/**
 * The part a metric plays in the decision rule ({@code spec/decisions.md}, "Roles of metrics"):
 * a success metric the change is meant to move, or a guardrail it must not harm beyond its margin.
 * Informative metrics have no role and are not part of the rule.
 */
public enum Role { SUCCESS, GUARDRAIL }
