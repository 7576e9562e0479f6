package io.splitscope.stats.r;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.rosuda.REngine.REXPMismatchException;
import org.rosuda.REngine.REngineException;

/**
 * Loads R code into a session: the runtime (the resource {@code runtime.R}: the R side of the
 * bridge and the helpers shared by the method files), once when the session opens, and each method
 * file, into an environment of its own, before the method's first call in the session.
 */
final class RScripts {

    /** The R side of the bridge, evaluated once per session. */
    private static final String RUNTIME = resource("runtime.R");

    private RScripts() {
    }

    /** Evaluates the runtime into the session's global environment. */
    static void loadRuntime(RSession session) throws REngineException, REXPMismatchException {
        session.source("runtime", RUNTIME, "eval(parse(text = .splitscope_src, keep.source = FALSE),"
                + " envir = globalenv())");
    }

    /** Evaluates the method's file into its environment, unless this version of it is loaded already. */
    static void loadMethod(RSession session, RMethodSource method) throws REngineException, REXPMismatchException {
        session.source("method:" + method.id(), method.code(),
                ".splitscope_load('" + method.id() + "', .splitscope_src)");
    }

    /** The text of a resource of this package. */
    static String resource(String name) {
        try (InputStream in = RScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/splitscope/stats/r/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
