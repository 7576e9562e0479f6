package io.splitscope.app.web.common;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/**
 * Work finished in the background, applied to the page that asked for it: the result is handed to
 * the UI thread with {@link UI#access} and reaches the browser by server push ({@code @Push} on
 * the app shell). A page closed meanwhile is skipped quietly.
 */
public final class UiUpdates {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UiUpdates.class);

    private UiUpdates() {
    }

    /**
     * When {@code future} completes, runs {@code then} in {@code ui}'s session with its value or
     * its failure (unwrapped from {@link CompletionException}); at once when it is already done.
     */
    public static <T> void whenDone(UI ui, CompletableFuture<T> future, BiConsumer<T, Throwable> then) {
        if (future.isDone() && UI.getCurrent() == ui) {
            apply(future, then);
            return;
        }
        future.whenComplete((value, failure) -> {
            try {
                ui.access(() -> {
                    try {
                        then.accept(value, unwrap(failure));
                    } catch (RuntimeException | Error e) {
                        LOG.error("Could not show the result of background work", e);
                        throw e;
                    }
                });
            } catch (UIDetachedException e) {
                // the page is gone: nobody to tell
            }
        });
    }

    private static <T> void apply(CompletableFuture<T> future, BiConsumer<T, Throwable> then) {
        T value = null;
        Throwable failure = null;
        try {
            value = future.get();
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        }
        then.accept(value, failure);
    }

    /** The cause of a {@link CompletionException}, else the throwable itself. */
    public static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
