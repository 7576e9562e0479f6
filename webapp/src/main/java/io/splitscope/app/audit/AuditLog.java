package io.splitscope.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who did what, one {@link AuditEvent#line() line} per event: to the SLF4J logger
 * {@value #LOGGER} and, unless results are kept in memory, appended to {@value #FILE_NAME} beside
 * the results store. Thread-safe.
 */
public final class AuditLog {

    /** The audit file's name, in the results store's folder. */
    public static final String FILE_NAME = "splitscope-audit.log";
    /** The SLF4J logger every event also goes to (route it with the logging configuration). */
    public static final String LOGGER = "splitscope.audit";

    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** The client of work no request asked for (a first analysis the app starts itself). */
    private static final String NO_CLIENT = "-";

    private final Path file;
    private final Clock clock;

    /**
     * @param file  the file to append to, or null for the logger only
     * @param clock when events happen
     */
    public AuditLog(Path file, Clock clock) {
        this.file = file;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records an event of a request from {@code client} (its IP address). */
    public void record(AuditAction action, String user, String client, String detail) {
        String line = new AuditEvent(clock.instant(), action, user, client, detail).line();
        AUDIT.info(line);
        if (file != null) {
            append(line);
        }
    }

    /** Records an event of the HTTP request being served on this thread (client {@code -} outside one). */
    public void record(AuditAction action, String user, String detail) {
        record(action, user, currentClient(), detail);
    }

    private synchronized void append(String line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("Cannot append to the audit log {} ({}); the event is in the log only: {}", file, e, line);
        }
    }

    private static String currentClient() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return request.getRemoteAddr();
        }
        return NO_CLIENT;
    }
}
