package io.splitscope.app.web;

import io.splitscope.app.analysis.AnalysisService;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The Splitscope web app: a Spring Boot application serving the Vaadin views (experiments and
 * their scorecards) over one warehouse.
 *
 * <p>{@link #run(String, int)} is the entry point the command line's {@code serve} calls. It opens
 * the warehouse before Spring starts, so a bad source ends with the warehouse's own one-line
 * error, and hands the open {@link AnalysisService} to Spring as a bean that is closed exactly
 * once when the application context closes.
 */
@SpringBootApplication(proxyBeanMethods = false)
public final class SplitscopeWebApplication {

    private static final Logger LOG = LoggerFactory.getLogger(SplitscopeWebApplication.class);

    /** Spring instantiates the configuration class; nobody else does. */
    SplitscopeWebApplication() {
    }

    /**
     * Opens the warehouse and starts the web app on it.
     *
     * @param warehouseSource a folder of CSV/Parquet files or a DuckDB database file (see
     *                        {@link AnalysisService#open(String)})
     * @param port            the HTTP port; 0 picks a free one (read it back from the context's
     *                        {@code local.server.port} property)
     * @return the running application context; closing it stops the server and closes the warehouse
     * @throws io.splitscope.sql.WarehouseException when the warehouse cannot be opened
     */
    public static ConfigurableApplicationContext run(String warehouseSource, int port) {
        Objects.requireNonNull(warehouseSource, "warehouseSource");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        AnalysisService service = AnalysisService.open(warehouseSource);
        WarehouseCloser closer = new WarehouseCloser(service);
        try {
            SpringApplication application = new SpringApplication(SplitscopeWebApplication.class);
            application.addInitializers(context -> {
                GenericApplicationContext generic = (GenericApplicationContext) context;
                // No destroy method on the service bean itself: the closer closes it, once.
                generic.registerBean(AnalysisService.class, () -> service, definition -> definition.setDestroyMethodName(""));
                generic.registerBean(WarehouseCloser.class, () -> closer);
            });
            ConfigurableApplicationContext context = application.run("--server.port=" + port);
            LOG.info("Warehouse: {}", service.warehouseDescription());
            LOG.info("Splitscope is running at http://localhost:{}/", context.getEnvironment().getProperty("local.server.port"));
            return context;
        } catch (RuntimeException | Error e) {
            closer.destroy();
            throw e;
        }
    }

    /** Closes the analysis service when the application context closes, or when start-up fails. */
    static final class WarehouseCloser implements DisposableBean {

        private final AnalysisService service;
        private final AtomicBoolean closed = new AtomicBoolean();

        WarehouseCloser(AnalysisService service) {
            this.service = service;
        }

        @Override
        public void destroy() {
            if (closed.compareAndSet(false, true)) {
                service.close();
            }
        }
    }
}
