package io.splitscope.app.audit;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.results.ResultsLocation;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The web app's {@link AuditLog}: beside the results store ({@value ResultsLocation#PROPERTY}),
 * or to the logger only when results are kept in memory.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    AuditLog auditLog(AnalysisService analysis, Environment environment) {
        Path file = ResultsLocation.resolve(analysis.warehouseDescription(), environment.getProperty(ResultsLocation.PROPERTY),
                System.getenv()).map(store -> store.resolveSibling(AuditLog.FILE_NAME)).orElse(null);
        LOG.info("Audit log: {} and the logger {}", file == null ? "no file (results in memory)" : file.toAbsolutePath(),
                AuditLog.LOGGER);
        return new AuditLog(file, Clock.systemUTC());
    }
}
