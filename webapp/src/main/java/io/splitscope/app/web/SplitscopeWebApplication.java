package io.splitscope.app.web;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.results.ResultsLocation;
import io.splitscope.app.CacheSwitch;
import io.splitscope.app.results.EditedPlans;
import io.splitscope.app.security.UserAccount;
import io.splitscope.app.security.UserAccounts;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The Splitscope web app: a Spring Boot application serving the Vaadin views (experiments and
 * their scorecards), the REST API ({@code io.splitscope.app.api}) and background analyses with a
 * results store ({@code io.splitscope.app.results}), behind log-in ({@code io.splitscope.app.security})
 * — over one warehouse.
 *
 * <p>{@link #run(ServeSettings)} is the entry point the command line's {@code serve} calls. It
 * reads the users and opens the warehouse before Spring starts, so that no users, a bad user or a
 * bad source ends with a one-line error, and hands the open {@link AnalysisService} and the
 * {@link UserAccounts} to Spring as beans; the service is closed exactly once when the application
 * context closes.
 */
@SpringBootApplication(proxyBeanMethods = false, scanBasePackages = {"io.splitscope.app.web", "io.splitscope.app.security",
        "io.splitscope.app.api", "io.splitscope.app.results"})
public final class SplitscopeWebApplication {

    private static final Logger LOG = LoggerFactory.getLogger(SplitscopeWebApplication.class);

    /** Spring instantiates the configuration class; nobody else does. */
    SplitscopeWebApplication() {
    }

    /** Whether the caches are on, as the settings say: read once for every bean that keeps values. */
    @Bean
    CacheSwitch cacheSwitch(Environment environment) {
        return CacheSwitch.parse(environment.getProperty(CacheSwitch.PROPERTY));
    }

    /**
     * For tests and embedding: the web app on {@code warehouseSource} with the demo users
     * ({@code viewer}/{@code viewer}, {@code analyst}/{@code analyst}) and results kept in memory.
     *
     * @see #run(ServeSettings)
     */
    public static ConfigurableApplicationContext run(String warehouseSource, int port) {
        return run(ServeSettings.of(warehouseSource).withPort(port).withDemoUsers(true).withResultsLocation(ResultsLocation.MEMORY));
    }

    /**
     * Reads the users, opens the warehouse and starts the web app on it.
     *
     * @return the running application context; closing it stops the server and closes the warehouse
     *         (read the port back from its {@code local.server.port} property)
     * @throws io.splitscope.app.security.UsersConfigurationException when there are no users or one is misconfigured
     * @throws io.splitscope.sql.WarehouseException when the warehouse cannot be opened
     */
    public static ConfigurableApplicationContext run(ServeSettings settings) {
        Objects.requireNonNull(settings, "settings");
        UserAccounts users = UserAccounts.load(settings.configFile(), settings.demoUsers());
        // the experiments with the decision plans analysts edit in the app (io.splitscope.app.results.PlanEditing)
        EditedPlans editedPlans = new EditedPlans(settings.project().experiments());
        AnalysisService service = AnalysisService.open(settings.project().withExperiments(editedPlans), settings.clock());
        WarehouseCloser closer = new WarehouseCloser(service);
        try {
            SpringApplication application = new SpringApplication(SplitscopeWebApplication.class);
            application.addInitializers(context -> {
                GenericApplicationContext generic = (GenericApplicationContext) context;
                // No destroy method on the service bean itself: the closer closes it, once.
                generic.registerBean(AnalysisService.class, () -> service, definition -> definition.setDestroyMethodName(""));
                generic.registerBean(WarehouseCloser.class, () -> closer);
                generic.registerBean(UserAccounts.class, () -> users);
                generic.registerBean(EditedPlans.class, () -> editedPlans);
            });
            ConfigurableApplicationContext context = application.run(arguments(settings));
            LOG.info("Warehouse: {}", service.warehouseDescription());
            logUsers(users);
            InetAddress bind = settings.bind();
            LOG.info("Splitscope is running at http://{}:{}/{}", bind.isLoopbackAddress() || bind.isAnyLocalAddress() ? "localhost"
                    : bind.getHostAddress(), context.getEnvironment().getProperty("local.server.port"),
                    bind.isAnyLocalAddress() ? " on every interface: other machines can connect" : "");
            return context;
        } catch (RuntimeException | Error e) {
            closer.destroy();
            throw e;
        }
    }

    private static String[] arguments(ServeSettings settings) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=" + settings.port());
        arguments.add("--server.address=" + settings.bind().getHostAddress());
        if (settings.configFile() != null) {
            arguments.add("--spring.config.additional-location=file:" + settings.configFile().toAbsolutePath());
        }
        if (settings.today() != null) {
            arguments.add("--splitscope.today=" + settings.today()); // the experiments' status (results.Today)
        }
        if (settings.resultsLocation() != null) {
            arguments.add("--" + ResultsLocation.PROPERTY + "=" + settings.resultsLocation());
        }
        return arguments.toArray(String[]::new);
    }

    private static void logUsers(UserAccounts users) {
        if (users.demoUsers()) {
            LOG.info("Demo users (--demo-users): user 'viewer' with password 'viewer' (VIEWER), user 'analyst' with password"
                    + " 'analyst' (ANALYST). For demonstrations only: anyone who reads this can sign in.");
        }
        List<UserAccount> configured = users.accounts().stream()
                .filter(account -> !users.demoUsers() || !UserAccounts.demoAccounts().contains(account)).toList();
        if (!configured.isEmpty()) {
            LOG.info("Users from configuration: {}", configured.stream().map(UserAccount::toString).collect(Collectors.joining(", ")));
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
