package io.splitscope.app;

/**
 * Whether the app's caches are on: {@value #PROPERTY}, {@code on} (or unset) or {@code off}. Only
 * the load benchmark switches them off, to measure the app as it was before it had them.
 *
 * @param on whether values are kept between requests
 */
public record CacheSwitch(boolean on) {

    /** The setting. */
    public static final String PROPERTY = "splitscope.cache";

    /**
     * The switch as {@code setting} (the value of {@value #PROPERTY}, null when unset) says.
     *
     * @throws IllegalArgumentException for anything but on or off
     */
    public static CacheSwitch parse(String setting) {
        String value = setting == null ? "on" : setting.strip();
        if (!value.equals("on") && !value.equals("off")) {
            throw new IllegalArgumentException(PROPERTY + " must be on or off, not '" + setting + "'");
        }
        return new CacheSwitch(value.equals("on"));
    }
}
