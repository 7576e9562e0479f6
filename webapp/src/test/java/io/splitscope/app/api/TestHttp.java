package io.splitscope.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;

/**
 * Real HTTP against a running Splitscope, with {@link HttpClient}: plain requests with or without
 * HTTP Basic credentials, and a browser-like session (cookies, form log-in, the page's CSRF token).
 */
public final class TestHttp {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

    private final String base;
    private final HttpClient client;

    private TestHttp(String base, HttpClient client) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.client = client;
    }

    /** Where a running app answers, e.g. {@code http://localhost:41234}. */
    public static String base(ApplicationContext app) {
        return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    /** A client without cookies: every request stands alone. */
    public static TestHttp to(String base) {
        return new TestHttp(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** A client without cookies whose requests come from {@code localAddress} (another loopback address is another client). */
    public static TestHttp from(String base, InetAddress localAddress) {
        return new TestHttp(base, HttpClient.newBuilder().localAddress(localAddress).connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** A browser-like client that keeps cookies and is not signed in yet. */
    public static TestHttp session(String base) {
        return new TestHttp(base, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build());
    }

    /**
     * A browser-like session signed in through the log-in form ({@code POST /login} with the CSRF
     * token of the log-in page).
     *
     * @throws AssertionError when the log-in fails
     */
    public static TestHttp signedIn(String base, String user, String password) {
        TestHttp session = session(base);
        HttpResponse<String> login = session.logIn(user, password);
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("log-in as " + user + " failed: " + login.statusCode() + " " + location);
        }
        return session;
    }

    /** Posts the log-in form as the log-in page does, with the page's CSRF token; the answer is not followed. */
    public HttpResponse<String> logIn(String user, String password) {
        return postForm("/login", "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrfToken("/login")));
    }

    /** A form post ({@code application/x-www-form-urlencoded}) of {@code form}, as it is. */
    public HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The CSRF token a page of the views carries ({@code <meta name="_csrf">}). */
    public String csrfToken(String page) {
        HttpResponse<String> response = get(page);
        Matcher token = CSRF_META.matcher(response.body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token in " + page + " (" + response.statusCode() + ")");
        }
        return token.group(1);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> get(String path, String user, String password) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).GET());
    }

    /** A POST without a body, with these header names and values. */
    public HttpResponse<String> post(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** A POST with HTTP Basic credentials. */
    public HttpResponse<String> postAs(String path, String user, String password) {
        return post(path, "Authorization", basic(user, password));
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
