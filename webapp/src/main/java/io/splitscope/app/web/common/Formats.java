package io.splitscope.app.web.common;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How numbers, percentages, p-values and dates read in the web app: four significant digits for
 * values and effects, one decimal for percentages (two below 1 %), {@code < 0.001} for tiny
 * p-values, a real minus sign, and an em dash for a value that does not exist ({@code null}).
 *
 * <p>All methods are pure and locale-independent (English separators), so what the browser shows
 * is what the tests assert.
 */
public final class Formats {

    /** Shown for a value that does not exist (a null number). */
    public static final String MISSING = "—";

    private static final char MINUS = '−';
    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** A value with four significant digits: {@code 3.199}, {@code 0.7404}, {@code 12,350}, {@code −0.05386}. */
    public static String number(Double value) {
        if (value == null) {
            return MISSING;
        }
        double v = value;
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(FOUR_DIGITS).stripTrailingZeros();
        String text;
        if (Math.abs(v) >= 1e15 || Math.abs(v) < 1e-6) {
            text = scientific(v);
        } else if (rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            text = grouped(rounded.setScale(0, RoundingMode.HALF_EVEN).abs().toBigInteger().longValue());
        } else {
            text = rounded.abs().toPlainString();
        }
        return (v < 0 ? MINUS : "") + text;
    }

    /**
     * A value for a column of values: four significant digits with the trailing zeros kept, so that
     * every value in the column has as many: {@code 3.200}, {@code 0.5000}, {@code 12,350}, {@code −0.05390}.
     */
    public static String value(Double value) {
        if (value == null || value == 0 || Math.abs(value) < 1e-6) {
            return number(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(FOUR_DIGITS).abs();
        if (rounded.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return number(value); // a grouped whole number: four digits or more already
        }
        int wholeDigits = rounded.precision() - rounded.scale();
        return (value < 0 ? MINUS : "") + rounded.setScale(4 - wholeDigits, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Like {@link #value(Double)} with an explicit sign: {@code +0.3490}, {@code −0.05390}, {@code 0}. */
    public static String signedValue(Double value) {
        if (value == null) {
            return MISSING;
        }
        String text = value(value);
        return value > 0 ? "+" + text : text;
    }

    /** Like {@link #number(Double)} with an explicit sign: {@code +0.3492}, {@code −0.05386}, {@code 0}. */
    public static String signedNumber(Double value) {
        if (value == null) {
            return MISSING;
        }
        String text = number(value);
        return value > 0 ? "+" + text : text;
    }

    /**
     * A relative change as a percentage with its sign and a fixed number of decimals, one (two
     * below 1 %): {@code +10.9 %}, {@code +1.0 %}, {@code −0.45 %}, {@code 0.00 %}.
     */
    public static String signedPercent(Double fraction) {
        return fraction == null ? MISSING : signed(percentDigits(fraction));
    }

    /**
     * A relative effect in a column of them: a percentage with its sign and always one decimal, so
     * that the column lines up: {@code +10.9 %}, {@code +0.5 %}, {@code 0.0 %}.
     */
    public static String relativeEffect(Double fraction) {
        return fraction == null ? MISSING : signed(BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_EVEN));
    }

    /** An interval of relative effects in a column of them ({@link #relativeEffect}): {@code −2.3 % to +24.2 %}. */
    public static String relativeInterval(Double low, Double high) {
        return low == null || high == null ? MISSING : relativeEffect(low) + " to " + relativeEffect(high);
    }

    private static String signed(BigDecimal percent) {
        if (percent.signum() == 0) {
            return percent.abs().toPlainString() + " %";
        }
        return (percent.signum() < 0 ? MINUS : '+') + percent.abs().toPlainString() + " %";
    }

    /** A share as a percentage, without trailing zeros: {@code 50 %}, {@code 49.3 %}, {@code 0.45 %}. */
    public static String percent(Double fraction) {
        if (fraction == null) {
            return MISSING;
        }
        BigDecimal rounded = percentDigits(fraction).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0 %";
        }
        return (rounded.signum() < 0 ? MINUS : "") + rounded.abs().toPlainString() + " %";
    }

    /**
     * A probability as a percentage with one decimal, never rounded to certainty: {@code 91.2 %},
     * {@code 50.0 %}, {@code > 99.9 %}, {@code < 0.1 %}.
     */
    public static String chance(Double probability) {
        if (probability == null) {
            return MISSING;
        }
        if (probability > 0.999) {
            return "> 99.9 %";
        }
        if (probability < 0.001) {
            return "< 0.1 %";
        }
        return BigDecimal.valueOf(probability * 100).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    private static BigDecimal percentDigits(double fraction) {
        double p = fraction * 100;
        int decimals = Math.abs(p) < 0.995 ? 2 : 1;
        return BigDecimal.valueOf(p).setScale(decimals, RoundingMode.HALF_EVEN);
    }

    /** An interval of effects: {@code −0.05386 to +0.7523}. */
    public static String interval(Double low, Double high) {
        if (low == null || high == null) {
            return MISSING;
        }
        return signedNumber(low) + " to " + signedNumber(high);
    }

    /** An interval of relative effects: {@code −2.3 % to +24.2 %}. */
    public static String percentInterval(Double low, Double high) {
        if (low == null || high == null) {
            return MISSING;
        }
        return signedPercent(low) + " to " + signedPercent(high);
    }

    /** An interval of shares: {@code 20.1 % to 25 %}. */
    public static String shareInterval(Double low, Double high) {
        if (low == null || high == null) {
            return MISSING;
        }
        return percent(low) + " to " + percent(high);
    }

    /** A p-value, always three decimals so that a column of them lines up: {@code < 0.001}, {@code 0.004}, {@code 0.089}, {@code 1.000}. */
    public static String pValue(Double p) {
        if (p == null) {
            return MISSING;
        }
        if (p < 0.001) {
            return "< 0.001";
        }
        return BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A p-value in a sentence: {@code p = 0.418}, {@code p < 0.001}. */
    public static String pStatement(Double p) {
        String text = pValue(p);
        return text.startsWith("<") ? "p " + text : "p = " + text;
    }

    /**
     * A number for people who want all of it: up to ten significant digits, no grouping (so it
     * can be copied), a plain minus: {@code 3.199092925}, {@code 2760.7}, {@code -0.05385590757}.
     */
    public static String precise(Double value) {
        if (value == null) {
            return MISSING;
        }
        if (value == 0) {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) (double) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(10, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return Math.abs(value) >= 1e15 || Math.abs(value) < 1e-6 ? rounded.toString() : rounded.toPlainString();
    }

    /** A duration in seconds with one decimal: {@code 0.8 s}, {@code 12.3 s}. */
    public static String seconds(java.time.Duration duration) {
        return duration == null ? MISSING
                : BigDecimal.valueOf(duration.toMillis() / 1000.0).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " s";
    }

    /** A count with thousands separators: {@code 3,012}. */
    public static String count(long n) {
        return n < 0 ? MINUS + grouped(-n) : grouped(n);
    }

    /** A date: {@code 1 Mar 2026}; an em dash when absent. */
    public static String date(LocalDate date) {
        return date == null ? MISSING : DATE.format(date);
    }

    /** When a user did something, to the minute: {@code 6 Dec 2026, 04:12 UTC}. */
    public static String instant(Instant instant) {
        return instant == null ? MISSING : INSTANT.format(instant);
    }

    /** A date range with its length in days, both ends counted: {@code 1 Mar 2026 – 14 Apr 2026 (45 days)}. */
    public static String dateRange(LocalDate start, LocalDate end) {
        if (start == null && end == null) {
            return MISSING;
        }
        String range = date(start) + " – " + (end == null ? "ongoing" : date(end));
        if (start != null && end != null && !end.isBefore(start)) {
            long days = ChronoUnit.DAYS.between(start, end) + 1;
            range += " (" + days + (days == 1 ? " day)" : " days)");
        }
        return range;
    }

    private static String grouped(long n) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(n);
    }

    private static String scientific(double v) {
        String text = new DecimalFormat("0.###E0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(Math.abs(v));
        return text.replace("E", "e").replace("e-", "e" + MINUS);
    }
}
