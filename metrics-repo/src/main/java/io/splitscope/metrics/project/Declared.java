package io.splitscope.metrics.project;

import io.splitscope.metrics.DidYouMean;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entries of one kind (sources, metrics, ...) a project file declares, and those of them that
 * compiled. A reference to an entry that is declared but has mistakes of its own is not a mistake
 * again (the entry's own are reported); a reference to an undeclared one is, with the nearest id.
 *
 * @param kind     how messages name the kind ({@code source})
 * @param compiled the entries that compiled, by id
 * @param declared every id the file declares for the kind, compiled or not
 */
record Declared<T>(String kind, Map<String, T> compiled, Set<String> declared) {

    /** The entry {@code id}; empty when there is none, after {@code errors} says so if it is not declared at all. */
    Optional<T> find(String id, int line, String key, ConfigErrors errors) {
        T found = compiled.get(id);
        if (found == null && !declared.contains(id)) {
            errors.add(line, key, "no " + kind + " '" + id + "'" + DidYouMean.suffix(id, ids()));
        }
        return Optional.ofNullable(found);
    }

    /** The entry named by {@code key} of {@code section}, which must be there ({@code what} says what it is). */
    Optional<T> find(Section section, String key, String what) {
        return section.required(key, what).flatMap(id -> find(id, section.line(key), section.key(key), section.errors()));
    }

    /** Every id, declared or compiled. */
    Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>(declared);
        ids.addAll(compiled.keySet());
        return ids;
    }
}
