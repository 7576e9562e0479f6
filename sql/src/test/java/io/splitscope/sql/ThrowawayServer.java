package io.splitscope.sql;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the throwaway database servers of the integration tests share: started before a test class's
 * tests when registered on it, stopped and deleted after them whatever happens, and by a shutdown
 * hook should the JVM end first. Shared with other modules' tests through this module's test-jar.
 */
public abstract class ThrowawayServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private Thread shutdownHook;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Starts the server (nothing when it runs already). */
    public abstract void start();

    /** Stops the server and deletes its folder, when there is one; safe to call twice. */
    protected abstract void stopAndDelete();

    /** Has {@link #stopAndDelete} run should the JVM end before {@link #close}; call it once the folder exists. */
    protected final synchronized void stopAtShutdown() {
        shutdownHook = new Thread(this::stopAndDelete, "stop throwaway " + getClass().getSimpleName());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Stops the server and deletes its folder. */
    @Override
    public synchronized void close() {
        stopAndDelete();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // the JVM is shutting down: the hook runs anyway
            }
            shutdownHook = null;
        }
    }

    /** The port the server listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /**
     * Chooses a port free on the loopback address just now as {@link #port} (it can be taken before
     * the server binds it: try again then).
     */
    protected final int choosePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
            return port;
        }
    }

    /** Deletes {@code root} and everything below it; says on standard error what it could not delete. */
    protected final void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println(getClass().getSimpleName() + ": could not delete " + root + ": " + e.getMessage());
        }
    }
}
