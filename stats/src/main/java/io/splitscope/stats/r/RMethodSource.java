package io.splitscope.stats.r;

import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Moments;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.RatioMoments;
import io.splitscope.stats.UnitCovariateValues;
import io.splitscope.stats.UnitValues;
import io.splitscope.stats.VariantData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source of one method written in R: an R file whose header declares the method and which
 * defines a function of the same name (the contract is in the package documentation).
 *
 * <pre>
 * #' &#64;id r_welch_t
 * #' &#64;title Welch's t-test (in R)
 * #' &#64;input Moments
 * #' &#64;twin welch_t
 * r_welch_t &lt;- function(control, treatment, variants, level = 0.95) { ... }
 * </pre>
 *
 * @param id        the stable id ({@code [a-z][a-z0-9_]*}), also the name of the R function
 * @param title     a short human title
 * @param inputType the Java input record the method takes (its R form: see the package documentation)
 * @param twin      the id of the Java method this one reproduces, or null
 * @param resource  where the source came from (a class-path resource), for messages
 * @param code      the R source text
 */
public record RMethodSource(String id, String title, Class<? extends VariantData> inputType, String twin,
        String resource, String code) {

    /**
     * The index files listing R method sources, one class-path resource path per line ({@code #}
     * starts a comment); every jar may carry one.
     */
    public static final String INDEX = "META-INF/splitscope/r-methods";

    /** The input records by their simple names, as written after {@code @input}. */
    private static final Map<String, Class<? extends VariantData>> INPUTS = Map.of(
            "Moments", Moments.class, "CovariateMoments", CovariateMoments.class,
            "RatioMoments", RatioMoments.class, "UnitValues", UnitValues.class,
            "UnitCovariateValues", UnitCovariateValues.class, "QuantileSample", QuantileSample.class);

    private static final Pattern TAG = Pattern.compile("^#'\\s*@(\\w+)\\s+(.*?)\\s*$");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    /** @throws IllegalArgumentException if the id is not snake_case or a field is missing */
    public RMethodSource {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an R method id is snake_case ([a-z][a-z0-9_]*), got '" + id
                    + "' in " + resource);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(inputType, "inputType");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(code, "code");
    }

    /** The Java twin's id, if the method has one. */
    public Optional<String> javaTwin() {
        return Optional.ofNullable(twin);
    }

    /**
     * Reads the header of an R method file: the leading {@code #'} lines with the tags
     * {@code @id}, {@code @title}, {@code @input} and optionally {@code @twin}.
     *
     * @throws IllegalArgumentException naming the resource, if a tag is missing or the input unknown
     */
    public static RMethodSource parse(String resource, String code) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String line : code.lines().toList()) {
            if (!line.startsWith("#'")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                break;
            }
            Matcher m = TAG.matcher(line);
            if (m.matches()) {
                tags.putIfAbsent(m.group(1), m.group(2));
            }
        }
        for (String required : List.of("id", "title", "input")) {
            if (!tags.containsKey(required) || tags.get(required).isBlank()) {
                throw new IllegalArgumentException("the R method " + resource + " has no #' @" + required
                        + " line in its header");
            }
        }
        Class<? extends VariantData> input = INPUTS.get(tags.get("input"));
        if (input == null) {
            throw new IllegalArgumentException("the R method " + resource + " takes @input " + tags.get("input")
                    + ", which is none of " + new java.util.TreeSet<>(INPUTS.keySet()));
        }
        return new RMethodSource(tags.get("id"), tags.get("title"), input, tags.get("twin"), resource, code);
    }

    /**
     * Every R method listed in the {@value #INDEX} files that {@code loader} sees, in the order of
     * the files and their lines.
     *
     * @throws IllegalArgumentException if a listed resource is missing or its header invalid, or two
     *                                  files have the same id (configuration errors)
     */
    public static List<RMethodSource> discover(ClassLoader loader) {
        Map<String, RMethodSource> byId = new LinkedHashMap<>();
        try {
            Enumeration<URL> indexes = loader.getResources(INDEX);
            for (URL index : Collections.list(indexes)) {
                for (String path : lines(index)) {
                    try (InputStream in = loader.getResourceAsStream(path)) {
                        if (in == null) {
                            throw new IllegalArgumentException(index + " lists " + path + ", which does not exist");
                        }
                        RMethodSource source = parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        RMethodSource previous = byId.putIfAbsent(source.id(), source);
                        if (previous != null && !previous.resource().equals(source.resource())) {
                            throw new IllegalArgumentException("two R methods have the id '" + source.id() + "': "
                                    + previous.resource() + " and " + source.resource());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the R method index " + INDEX, e);
        }
        return List.copyOf(byId.values());
    }

    private static List<String> lines(URL index) throws IOException {
        List<String> paths = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String path = line.replaceFirst("#.*", "").strip();
                if (!path.isEmpty()) {
                    paths.add(path.startsWith("/") ? path.substring(1) : path);
                }
            }
        }
        return paths;
    }

    /** The id and resource only. */
    @Override
    public String toString() {
        return "RMethodSource[" + id + " from " + resource + "]";
    }
}
