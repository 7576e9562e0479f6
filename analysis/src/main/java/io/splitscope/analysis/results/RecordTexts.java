package io.splitscope.analysis.results;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks of what a user writes into an experiment's record: texts and tags, each refused with a one-line message. */
final class RecordTexts {

    /** The longest tag. */
    static final int MAX_TAG = 30;
    /** The most tags an experiment has. */
    static final int MAX_TAGS = 12;
    /** Letters, digits, and inside a tag also spaces, {@code - _ . /}. */
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N} _./-]*[\\p{L}\\p{N}])?");

    private RecordTexts() {
    }

    /** {@code text} stripped; refused when blank or longer than {@code max}. */
    static String check(String what, String text, int max) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " is empty: write a few words");
        }
        if (stripped.length() > max) {
            throw new IllegalArgumentException("the " + what + " has " + stripped.length() + " characters, at most " + max
                    + " are kept");
        }
        return stripped;
    }

    /** The tags stripped, without repeats (first spelling kept, compared ignoring case); refused when one is not a tag. */
    static List<String> tags(List<String> tags) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        for (String tag : tags) {
            String stripped = tag == null ? "" : tag.strip();
            if (stripped.length() > MAX_TAG) {
                throw new IllegalArgumentException("tag '" + stripped.substring(0, MAX_TAG) + "…' is longer than " + MAX_TAG
                        + " characters");
            }
            if (!TAG.matcher(stripped).matches()) {
                throw new IllegalArgumentException("tag '" + stripped + "' may have only letters, digits, spaces and - _ . /"
                        + " (starting and ending with a letter or digit)");
            }
            if (seen.add(stripped.toLowerCase(java.util.Locale.ROOT))) {
                kept.add(stripped);
            }
        }
        if (kept.size() > MAX_TAGS) {
            throw new IllegalArgumentException(kept.size() + " tags: an experiment has at most " + MAX_TAGS);
        }
        return List.copyOf(kept);
    }
}
