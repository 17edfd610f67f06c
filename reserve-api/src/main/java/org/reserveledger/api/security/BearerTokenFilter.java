package org.reserveledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reserveledger.api.security.AuthenticationFailures.Reason;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the {@link TokenRegistry}. A
 * missing, malformed or unknown token leaves the request anonymous; the authorization rules then
 * answer 401. A token given that authenticates nobody is recorded as a failed authentication.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final int MAX_TOKEN_LENGTH = 512;
    /** RFC 6750's b64token. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final TokenRegistry tokens;
    private final AuthenticationFailures failures;

    BearerTokenFilter(TokenRegistry tokens, AuthenticationFailures failures) {
        this.tokens = tokens;
        this.failures = failures;
    }

    /**
     * An async answer (a view that waited, the live channel) is written on a second dispatch, which the
     * authorization rules check again; it authenticates from the same header as the first.
     */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            authenticate(header, request).ifPresent(principal -> {
                var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                        List.of(new SimpleGrantedAuthority(principal.role().authority())));
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
            });
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<ApiPrincipal> authenticate(String header, HttpServletRequest request) {
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            failures.record(Reason.MALFORMED, header, request);
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        if (token.length() > MAX_TOKEN_LENGTH) {
            failures.record(Reason.TOO_LONG, token, request);
            return Optional.empty();
        }
        Optional<ApiPrincipal> principal = token.isEmpty() ? Optional.empty() : tokens.principalFor(token);
        if (principal.isEmpty()) {
            failures.record(TOKEN.matcher(token).matches() ? Reason.UNKNOWN : Reason.MALFORMED, token, request);
        }
        return principal;
    }
}
