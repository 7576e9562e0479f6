package io.splitscope.metrics;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name nearest to a mistyped one, by edit distance, when it is near enough to be a typo:
 * for the project file's keys and ids, and for the command line's ({@code compare}'s fields).
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** {@code " (did you mean 'x'?)"}, or the empty string when no known name is near {@code wrong}. */
    public static String suffix(String wrong, Collection<String> known) {
        return nearest(wrong, known).map(name -> " (did you mean '" + name + "'?)").orElse("");
    }

    /**
     * The known name nearest to {@code wrong}: equal but for case, or at most a third of its
     * characters (at least 2) away, and closer than its own length; of equally near names, the
     * first in {@code known}'s order.
     */
    public static Optional<String> nearest(String wrong, Collection<String> known) {
        if (wrong == null || wrong.isEmpty()) {
            return Optional.empty();
        }
        String lower = wrong.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, wrong.length() / 3);
        return known.stream()
                .filter(name -> !name.equals(wrong))
                .map(name -> new Candidate(name, distance(lower, name.toLowerCase(Locale.ROOT))))
                .filter(c -> c.distance <= limit && c.distance < wrong.length())
                .min(Comparator.comparingInt(Candidate::distance))
                .map(Candidate::name);
    }

    private record Candidate(String name, int distance) {
    }

    /** Levenshtein distance (insertions, deletions, substitutions). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
