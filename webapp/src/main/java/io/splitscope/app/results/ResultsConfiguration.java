package io.splitscope.app.results;

import io.splitscope.analysis.results.ResultsStore;
import io.splitscope.analysis.results.ResultsLocation;
import io.splitscope.analysis.results.WarehouseFingerprint;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.app.CacheSwitch;
import io.splitscope.app.audit.AuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The results store, the audit log beside it ({@link AuditLog#FILE_NAME}, or the logger only when
 * results are kept in memory) and the analysis jobs of the web app, as Spring beans.
 *
 * <p>Settings: {@value ResultsLocation#PROPERTY} (see {@link ResultsLocation}),
 * {@code splitscope.results.keep} (runs kept of each request, and failed ones, default 5),
 * {@code splitscope.analysis.threads} (analyses at once, 1 to 4, default 1) and {@value CacheSwitch#PROPERTY}
 * ({@link CacheSwitch}). When the store's file
 * cannot be opened even after recovery — typically because another {@code serve} of the same
 * warehouse holds it — the app says so in the log, keeps results in memory and says so to every
 * user ({@link ResultsStoreStatus}).
 */
@Configuration(proxyBeanMethods = false)
class ResultsConfiguration {

    static final String THREADS = "splitscope.analysis.threads";
    static final String KEEP = "splitscope.results.keep";
    private static final Logger LOG = LoggerFactory.getLogger(ResultsConfiguration.class);

    /**
     * The store as it opened, whether it is the configured one, and the configured file (kept when
     * the store fell back to memory: the audit log still goes beside it).
     */
    record OpenedStore(ResultsStore store, ResultsStoreStatus status, Optional<Path> file) {
    }

    @Bean
    OpenedStore openedResultsStore(AnalysisService analysis, Environment environment) {
        int keep = environment.getProperty(KEEP, Integer.class, ResultsStore.DEFAULT_KEEP);
        if (keep < 1) {
            throw new IllegalArgumentException(KEEP + " must be at least 1, not " + keep);
        }
        Optional<Path> file = ResultsLocation.resolve(analysis.warehouseDescription(),
                environment.getProperty(ResultsLocation.PROPERTY), System.getenv());
        if (file.isEmpty()) {
            LOG.info("Results store: in memory ({}={}); results last until the app stops", ResultsLocation.PROPERTY,
                    ResultsLocation.MEMORY);
            return new OpenedStore(ResultsStore.inMemory(keep), ResultsStoreStatus.USABLE, file);
        }
        try {
            ResultsStore store = ResultsStore.open(file.get(), keep);
            LOG.info("Results store: {}", file.get().toAbsolutePath());
            return new OpenedStore(store, ResultsStoreStatus.USABLE, file);
        } catch (ResultsStore.ResultsStoreException e) {
            LOG.warn("{}; keeping results in memory until the app stops (set {} to another folder to keep them)",
                    e.getMessage(), ResultsLocation.PROPERTY);
            return new OpenedStore(ResultsStore.inMemory(keep), new ResultsStoreStatus(e.getMessage()), file);
        }
    }

    @Bean(destroyMethod = "close")
    ResultsStore resultsStore(OpenedStore opened) {
        return opened.store();
    }

    @Bean
    ResultsStoreStatus resultsStoreStatus(OpenedStore opened) {
        return opened.status();
    }

    @Bean
    AuditLog auditLog(OpenedStore opened) {
        Path file = opened.file().map(store -> store.resolveSibling(AuditLog.FILE_NAME)).orElse(null);
        LOG.info("Audit log: {} and the logger {}", file == null ? "no file (results in memory)" : file.toAbsolutePath(),
                AuditLog.LOGGER);
        return new AuditLog(file, Clock.systemUTC());
    }

    /** The warehouse's current fingerprint, taken on each call. */
    @Bean
    Supplier<WarehouseFingerprint> warehouseFingerprint(AnalysisService analysis) {
        String warehouse = analysis.warehouseDescription();
        return () -> WarehouseFingerprint.of(warehouse);
    }

    @Bean(destroyMethod = "close")
    AnalysisJobs analysisJobs(AnalysisService analysis, ResultsStore store, Supplier<WarehouseFingerprint> current,
                              CacheSwitch caches, Environment environment) {
        int threads = environment.getProperty(THREADS, Integer.class, 1);
        if (threads < 1 || threads > 4) {
            throw new IllegalArgumentException(THREADS + " must be from 1 to 4, not " + threads);
        }
        int kept = caches.on() ? AnalysisJobs.KEPT_SCORECARDS : 0;
        if (WarehouseFingerprint.loadedAtOpen(analysis.warehouseDescription())) {
            WarehouseFingerprint atOpen = current.get(); // CSV tables were read into memory when the warehouse opened
            return new AnalysisJobs(analysis, store, current, () -> atOpen, threads, kept);
        }
        return new AnalysisJobs(analysis, store, current, current, threads, kept);
    }

    @Bean
    PlanEditing planEditing(ResultsStore store, EditedPlans plans, WarehouseExperiments experiments, AuditLog audit,
                            AnalysisService analysis) {
        return new PlanEditing(store, plans, experiments, audit, analysis, Clock.systemUTC());
    }

    @Bean
    ExperimentRecords experimentRecords(ResultsStore store, AuditLog audit) {
        return new ExperimentRecords(store, audit, Clock.systemUTC());
    }

    @Bean
    WarehouseExperiments warehouseExperiments(AnalysisService analysis, Supplier<WarehouseFingerprint> current, CacheSwitch caches) {
        return new WarehouseExperiments(analysis, current, caches.on());
    }
}
