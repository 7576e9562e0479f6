package io.splitscope.app.api;

import io.splitscope.app.results.ResultsStoreStatus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells every client of the REST API when results are not being stored
 * ({@link ResultsStoreStatus#HEADER}{@code : unavailable} and the problem in
 * {@link ResultsStoreStatus#PROBLEM_HEADER}), so that a script never takes a lost result for a
 * stored one. It runs before Spring Security's filter chain, so that answers the chain itself gives
 * (401, 403, 429) say so too.
 */
@Component
@Order(-101) // Spring Boot registers Spring Security's filter chain at -100 (SecurityProperties.DEFAULT_FILTER_ORDER)
final class ResultsStoreHeaders extends OncePerRequestFilter {

    private final ResultsStoreStatus status;
    /** The problem as a header value: it never changes while the app runs. */
    private final String problem;

    ResultsStoreHeaders(ResultsStoreStatus status) {
        this.status = status;
        this.problem = status.usable() ? null : ExperimentsApi.ascii(status.problem());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return status.usable() || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(ResultsStoreStatus.HEADER, "unavailable");
        response.setHeader(ResultsStoreStatus.PROBLEM_HEADER, problem);
        chain.doFilter(request, response);
    }
}
