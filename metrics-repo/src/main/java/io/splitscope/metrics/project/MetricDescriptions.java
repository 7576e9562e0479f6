package io.splitscope.metrics.project;

import io.splitscope.metrics.Cap;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.UnitFilter;
import io.splitscope.metrics.Window;
import java.math.BigDecimal;

/**
 * The description of a project-file metric that has none, generated from its definition, e.g.
 * "Σ amount per unit over paid_orders rows where status = 'paid', in the 14 days after first
 * exposure."
 */
final class MetricDescriptions {

    private MetricDescriptions() {
    }

    /** An aggregate of a row value as written ({@code value} is null for {@code count}). */
    record Aggregated(Aggregate aggregate, String value) {

        /** {@code Σ amount}, {@code number of rows}, {@code largest amount}, ... */
        String phrase() {
            return switch (aggregate) {
                case SUM -> "Σ " + value;
                case COUNT -> "number of rows";
                case COUNT_DISTINCT -> "number of distinct " + value;
                case MAX -> "largest " + value;
                case MIN -> "smallest " + value;
            };
        }
    }

    /** Where the rows come from and which count: {@code orders rows where …, in the 14 days after first exposure}. */
    record Rows(String source, String filter, Window window) {

        String phrase() {
            return source + " rows" + (filter == null ? "" : " where " + oneLine(filter)) + within();
        }

        String within() {
            if (window == null) {
                return "";
            }
            String after = window.delay().isZero() ? "first exposure" : Window.words(window.delay()) + " after first exposure";
            return ", in the " + Window.words(window.length()) + " after " + after;
        }
    }

    static String mean(Aggregated value, Rows rows, Cap cap) {
        String text = value.aggregate() == Aggregate.COUNT
                ? "Number of " + rows.source() + " rows per unit" + where(rows) + rows.within()
                : capitalise(value.phrase()) + " per unit over " + rows.phrase();
        return text + "." + capped(cap);
    }

    static String proportion(Aggregated value, Rows rows) {
        if (value == null || value.aggregate() == Aggregate.COUNT) {
            return "Share of units with at least one " + rows.source() + " row" + where(rows) + rows.within() + ".";
        }
        return "Share of units whose " + value.phrase() + " over " + rows.phrase() + " is positive.";
    }

    /** {@code Share of units with a page_views row 7 to 8 days after first exposure.} */
    static String retention(Rows rows) {
        Window window = rows.window();
        String when = window.delay().isZero() ? rows.within()
                : " " + span(window.delay(), window.delay().plus(window.length())) + " after first exposure";
        return "Share of units with " + article(rows.source()) + " " + rows.source() + " row" + where(rows) + when + ".";
    }

    /** {@code Share of units with an orders row where status = 'paid' within 24 hours of first exposure.} */
    static String conversion(Rows rows) {
        return "Share of units with " + article(rows.source()) + " " + rows.source() + " row" + where(rows) + " within "
                + Window.words(rows.window().length()) + " of first exposure.";
    }

    /** {@code Units that go through product, then cart, then checkout, in order, over page_views rows, in ...}. */
    static String funnel(java.util.List<String> steps, Rows rows) {
        return "Units that go through " + String.join(", then ", steps) + ", in order, over " + rows.phrase()
                + ": each step's share of all eligible units, and each step's share of the step before.";
    }

    static String countDistinct(Aggregated value, boolean approximate, Rows rows, Cap cap) {
        return mean(value, rows, cap) + (approximate ? " Estimated with the engine's HyperLogLog where it has one." : "");
    }

    /** {@code Number of UTC dates with a page_views row per unit, in the 7 days after first exposure.} */
    static String activeDays(boolean perEligibleDay, Rows rows, Cap cap) {
        return (perEligibleDay ? "Share of the UTC dates of the window with " : "Number of UTC dates with ")
                + article(rows.source()) + " " + rows.source() + " row" + where(rows) + " per unit" + rows.within() + "." + capped(cap);
    }

    /** {@code Share of units whose Σ amount over orders rows, in the 14 days after first exposure, is at least 50.} */
    static String threshold(Aggregated value, double atLeast, Rows rows) {
        return "Share of units whose " + value.phrase() + " over " + rows.phrase() + (rows.window() == null ? "" : ",")
                + " is at least " + number(atLeast) + ".";
    }

    /** The sentences on which units count: all exposed ones, only some by their attributes; empty for the defaults. */
    static String units(Eligibility eligibility, UnitFilter unitFilter) {
        return (eligibility == Eligibility.ALL ? " Every exposed unit counts; days of its window not yet reached count "
                + "as nothing." : "") + (unitFilter == null ? "" : " Only units with " + oneLine(unitFilter.text()) + ".");
    }

    /** {@code 7 to 8 days}, {@code 36 to 48 hours}. */
    private static String span(java.time.Duration from, java.time.Duration to) {
        boolean days = from.toHours() % 24 == 0 && to.toHours() % 24 == 0;
        return days ? from.toDays() + " to " + to.toDays() + " days" : from.toHours() + " to " + to.toHours() + " hours";
    }

    private static String article(String word) {
        return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }

    static String ratio(Aggregated numerator, Aggregated denominator, Rows rows) {
        return capitalise(numerator.phrase()) + " / " + denominator.phrase() + " over " + rows.phrase()
                + ", each summed over the units of a variant.";
    }

    static String quantile(String value, double level, Rows rows) {
        return "The " + percentile(level) + " percentile of " + oneLine(value) + " over the " + rows.phrase()
                + " of a variant's units.";
    }

    private static String where(Rows rows) {
        return rows.filter() == null ? "" : " where " + oneLine(rows.filter());
    }

    private static String capped(Cap cap) {
        return switch (cap) {
            case null -> "";
            case Cap.Percentile p when p.lowerLevel() == null -> " Per-unit values above the " + percentile(p.upperLevel())
                    + " percentile are capped.";
            case Cap.Percentile p when p.upperLevel() == null -> " Per-unit values below the " + percentile(p.lowerLevel())
                    + " percentile are raised to it.";
            case Cap.Percentile p -> " Per-unit values below the " + percentile(p.lowerLevel()) + " and above the "
                    + percentile(p.upperLevel()) + " percentile are capped.";
            case Cap.Absolute a -> " Per-unit values are capped at " + number(a.upper()) + ".";
        };
    }

    /** {@code 0.9} → {@code 90th}, {@code 0.995} → {@code 99.5th}, {@code 0.01} → {@code 1st}. */
    static String percentile(double level) {
        String number = number(level * 100);
        if (number.contains(".")) {
            return number + "th";
        }
        int n = Integer.parseInt(number);
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return number + suffix;
    }

    private static String number(double value) {
        return new BigDecimal(Double.toString(value)).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }

    private static String capitalise(String text) {
        return text.isEmpty() || text.startsWith("Σ") ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The text on one line, its line breaks and their indentation one space. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
