package io.splitscope.app.results;

import io.splitscope.app.audit.AuditAction;
import io.splitscope.app.audit.AuditLog;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Writes who ran which analysis to the {@link AuditLog}: one line when a job is queued, from a
 * page or the REST API. It listens to every job of {@link AnalysisJobs}, which announces a new job
 * on the thread of the request that asked for it, so the line names that request's client.
 */
@Component
final class AnalysisAudit implements DisposableBean {

    private final AnalysisJobs.Subscription subscription;

    AnalysisAudit(AnalysisJobs jobs, AuditLog audit) {
        subscription = jobs.subscribe(job -> {
            if (job.state() == AnalysisJob.State.QUEUED) {
                audit.record(AuditAction.ANALYSIS, job.submittedBy(), job.request().experimentId() + " ("
                        + AnalysisExecution.describe(job.request()) + ") job " + job.id());
            }
        });
    }

    @Override
    public void destroy() {
        subscription.close();
    }
}
