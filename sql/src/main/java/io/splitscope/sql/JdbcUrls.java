package io.splitscope.sql;

/** JDBC URLs as Splitscope shows them. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    /**
     * A JDBC URL without what may hold secrets (query parameters, {@code ;key=value} properties,
     * {@code user:password@}), for messages and provenance.
     */
    public static String redact(String url) {
        String withoutQuery = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        int semicolon = withoutQuery.indexOf(';');
        return (semicolon < 0 ? withoutQuery : withoutQuery.substring(0, semicolon)).replaceFirst("//[^/@]*@", "//");
    }
}
