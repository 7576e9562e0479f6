package io.splitscope.app.web;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.splitscope.app.CacheSwitch;
import io.splitscope.app.api.ApiError;
import io.splitscope.app.security.RecentLogins;
import io.splitscope.app.security.LoginThrottle;
import io.splitscope.app.security.Role;
import io.splitscope.app.security.UserAccounts;
import io.splitscope.app.web.login.LoginView;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The two Spring Security filter chains.
 *
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic with the configured users (or the browser's signed-in session,
 *       so that the views can link to the CSV and JSON exports); every request needs a user,
 *       {@code POST /api/experiments/{id}/analyses} and the writes of an experiment's record
 *       ({@code PUT …/record}, {@code POST …/record/notes}) an analyst; a password that passed is remembered
 *       for a while ({@link RecentLogins}: bcrypt costs ~70 ms a check); no session is created; CSRF
 *       tokens as {@link ApiCsrfRequirement} says; errors are JSON ({@link ApiError}): 401 with
 *       {@code WWW-Authenticate: Basic}, 403.</li>
 *   <li>everything else: the Vaadin views behind form log-in at {@code /login} ({@link LoginView}),
 *       set up by Vaadin's {@link VaadinSecurityConfigurer} (which also handles Vaadin's own CSRF
 *       protection and log-out at {@code POST /logout}); views and layouts are closed unless
 *       annotated {@code @PermitAll}, {@code @RolesAllowed} or {@code @AnonymousAllowed}; any other
 *       address needs a signed-in user, who gets the app's "not found" page ({@link NotFoundView}),
 *       an anonymous one the log-in page. The static
 *       style sheets and images ({@link #STATIC_RESOURCES}) are open to anyone. The log-in form's
 *       post needs the page's CSRF token too (Vaadin's configurer would exempt it, so this class
 *       sets up CSRF itself, exempting only Vaadin's internal requests, which carry Vaadin's own
 *       token).</li>
 * </ul>
 *
 * <p>Both chains refuse a sign-in that {@link LoginThrottle} holds back ({@link LoginThrottleFilter})
 * and send the same protective headers: {@link #CONTENT_SECURITY_POLICY},
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin} and
 * {@code X-Frame-Options: DENY}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Static files anyone may fetch: the style sheets and images in {@code META-INF/resources}. */
    static final String[] STATIC_RESOURCES = {"/*.css", "/images/**", "/icons/**", "/fonts/**", "/favicon.ico"};

    /**
     * What pages may load: only this server's scripts, styles, images and connections, framed by
     * nobody. Vaadin needs {@code 'unsafe-inline'} (the bootstrap page's inline script and the
     * components' style attributes) and {@code 'unsafe-eval'} (Flow runs server-sent JavaScript
     * with {@code new Function}); images and fonts may also be {@code data:} URLs (Lumo's icons,
     * Plotly's images).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self';"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserAccounts accounts) {
        return new InMemoryUserDetailsManager(accounts.userDetails());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, AuthenticationConfiguration authentication, CacheSwitch caches,
                                       LoginThrottle throttle) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Splitscope\", charset=\"UTF-8\"");
            write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "sign in: send HTTP Basic credentials of a Splitscope user");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> write(response, HttpServletResponse.SC_FORBIDDEN,
                e instanceof CsrfException
                        ? "missing or invalid CSRF token: a request from a browser session must send the session's CSRF token"
                        : "forbidden: only analysts may " + (request.getRequestURI().contains("/record")
                                ? "write an experiment's record" : "start analyses"));
        return http.securityMatcher("/api/**")
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(SecurityConfiguration::protectiveHeaders)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/experiments/*/analyses").hasRole(Role.ANALYST_NAME)
                        .requestMatchers(HttpMethod.PUT, "/api/experiments/*/record").hasRole(Role.ANALYST_NAME)
                        .requestMatchers(HttpMethod.POST, "/api/experiments/*/record/notes").hasRole(Role.ANALYST_NAME)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Splitscope").authenticationEntryPoint(unauthorized))
                .authenticationManager(apiAuthentication(authentication.getAuthenticationManager(), caches))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                // The session's token, as the views' page carries it (meta _csrf, masked per response).
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new ApiCsrfRequirement()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain viewFilterChain(HttpSecurity http, LoginThrottle throttle, RequestUtil vaadinRequests) throws Exception {
        // The app's own style sheets and pictures (META-INF/resources), for every page including the log-in page.
        http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, STATIC_RESOURCES).permitAll())
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(SecurityConfiguration::protectiveHeaders)
                .csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // Any other address goes to Vaadin's router for a signed-in user — an unknown one gets the app's
        // "not found" page (NotFoundView), not the container's bare 403 of Vaadin's default deny-all —
        // and to the log-in page for an anonymous one.
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false)
                        .anyRequest(any -> any.authenticated()))
                .build();
    }

    private static void protectiveHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        // Before the servlet runs: Vaadin writes its pages past the filter's commit detection.
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                });
    }

    /** The users' password check, remembered for a while ({@link RecentLogins}) unless the caches are off. */
    private static AuthenticationManager apiAuthentication(AuthenticationManager check, CacheSwitch caches) {
        return caches.on() ? new RecentLogins(check, Clock.systemUTC()) : check;
    }

    private static void write(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) {
            LOG.debug("Response already committed; cannot send {} {}", status, message);
            return;
        }
        ApiError.write(response, status, message);
    }
}
