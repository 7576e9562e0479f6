package io.splitscope.metrics;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * What a metric's values are counted in, for display: a unit ({@code ms}, {@code h},
 * {@code sessions}) or a currency (an ISO 4217 code, {@code USD}). A metric without one
 * ({@link Metric#unit()} null) is a plain number, a proportion a share.
 *
 * @param symbol   the unit's short text, or null for a currency
 * @param currency the ISO 4217 code of a money metric, or null for a unit
 */
public record MetricUnit(String symbol, String currency) {

    public MetricUnit {
        if ((symbol == null) == (currency == null)) {
            throw new IllegalArgumentException("a metric unit is either a unit or a currency: unit '" + symbol
                    + "', currency '" + currency + "'");
        }
        if (symbol != null && (symbol.isBlank() || symbol.length() > 20)) {
            throw new IllegalArgumentException("a metric unit is 1 to 20 characters: '" + symbol + "'");
        }
        if (currency != null) {
            requireCurrency(currency);
        }
    }

    /** A unit such as {@code ms}, {@code h} or {@code sessions}. */
    public static MetricUnit of(String symbol) {
        return new MetricUnit(Objects.requireNonNull(symbol, "unit"), null);
    }

    /** A currency by its ISO 4217 code, e.g. {@code USD}; throws naming the code when it is not one. */
    public static MetricUnit currency(String isoCode) {
        return new MetricUnit(null, Objects.requireNonNull(isoCode, "currency"));
    }

    /** Throws a one-line error when {@code code} is not an upper-case ISO 4217 currency code. */
    private static void requireCurrency(String code) {
        boolean known;
        try {
            known = code.equals(code.toUpperCase(Locale.ROOT)) && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            known = false;
        }
        if (!known) {
            throw new IllegalArgumentException("unknown currency '" + code
                    + "': an ISO 4217 code in capitals, e.g. USD, EUR, GBP");
        }
    }

    /**
     * A formatted number with this unit: {@code 12.50 ms}, {@code 3.2 h}; money with the currency's
     * symbol where English has one, else its code: {@code $12.50}, {@code €3.10}, {@code CHF 8.00},
     * the sign before the symbol ({@code −$0.4200}, {@code +€1.20}).
     */
    public String format(String number) {
        if (symbol != null) {
            return number + " " + symbol;
        }
        String sign = number.startsWith("+") || number.startsWith("−") || number.startsWith("-") ? number.substring(0, 1) : "";
        String digits = number.substring(sign.length());
        String money = moneySymbol();
        return sign + (money.length() == 1 ? money + digits : money + " " + digits);
    }

    /** The currency's one-character symbol in English ({@code $}, {@code €}, {@code £}), else its code. */
    private String moneySymbol() {
        String s = Currency.getInstance(currency).getSymbol(Locale.US);
        return s.length() == 1 ? s : currency;
    }

    /** How the unit reads in a sentence or a column heading: {@code ms}, {@code USD}. */
    public String text() {
        return symbol != null ? symbol : currency;
    }
}
