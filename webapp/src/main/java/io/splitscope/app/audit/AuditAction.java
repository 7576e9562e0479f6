package io.splitscope.app.audit;

/**
 * What an audit line records. A new kind of event (who decided what, with the decisions) is one
 * more constant here; the line's layout stays the same.
 */
public enum AuditAction {

    /** A user signed in through the log-in form. */
    LOGIN("login"),
    /** A sign-in failed: unknown user or wrong password, through the form or HTTP Basic. */
    LOGIN_FAILED("login-failed"),
    /** A user started an analysis (a first one or a re-run), from a page or the REST API. */
    ANALYSIS("analysis"),
    /** An analyst changed an experiment's decision plan (success metrics, guardrails, mde, power, design). */
    PLAN_EDIT("plan-edit"),
    /** An analyst wrote to the team's record of an experiment (status, conclusion, tags, a note). */
    RECORD("record");

    private final String word;

    AuditAction(String word) {
        this.word = word;
    }

    /** How the line names it: {@code login}, {@code login-failed}, {@code analysis}, {@code plan-edit}, {@code record}. */
    public String word() {
        return word;
    }
}
