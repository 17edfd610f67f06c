package org.reserveledger.api.security;

import jakarta.servlet.http.HttpServletResponse;
import org.reserveledger.api.web.container.ContainerProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.reserveledger.api.security.Role.ADMIN;
import static org.reserveledger.api.security.Role.AUDITOR;
import static org.reserveledger.api.security.Role.GOVERNANCE;
import static org.reserveledger.api.security.Role.MANUFACTURER;
import static org.reserveledger.api.security.Role.OPERATOR;
import static org.reserveledger.api.security.Role.TREASURY;
import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may call what: the roles table of the REST contract. Stateless; no sessions, no cookies.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The dashboards load only their own script and stylesheet and call only this origin (fetch and
     * the live stream); their charts set inline style attributes, hence 'unsafe-inline' for styles only.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** API responses are data, never documents to render or frame. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /**
     * The reads the contract gives a manufacturer: inventory views, concentration, minerals, sites (with
     * their lots and movements), transfers, prices, periods, the session and live channel, and the
     * resources the controllers narrow to its own. Financing, audit and admin are not among them.
     */
    static final List<String> MANUFACTURER_READS = List.of(
            "/api/v1/session", "/api/v1/live", "/api/v1/periods",
            "/api/v1/minerals", "/api/v1/minerals/**", "/api/v1/sites", "/api/v1/sites/**",
            "/api/v1/transfers", "/api/v1/transfers/**", "/api/v1/reference-prices", "/api/v1/reference-prices/**",
            "/api/v1/views/inventory-by-site", "/api/v1/views/inventory-by-mineral", "/api/v1/views/concentration",
            "/api/v1/views/commitments", "/api/v1/views/commitments/**",
            "/api/v1/commitments/**", "/api/v1/manufacturers", "/api/v1/manufacturers/**",
            "/api/v1/disruptions", "/api/v1/disruptions/**");

    /**
     * No Micrometer observation around each of the security filters: they cost more per request than the
     * filters themselves; requests stay observed as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenRegistry tokens, AuthenticationFailures failures, JsonMapper json)
            throws Exception {
        RequestMatcher pages = new OrRequestMatcher(pathPattern(HttpMethod.GET, "/"),
                pathPattern(HttpMethod.GET, "/index.html"), pathPattern(HttpMethod.GET, "/dashboard/**"));
        http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, failures), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        // Written only on secure requests: direct TLS, or X-Forwarded-Proto from a trusted proxy.
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds())
                                .includeSubDomains(true))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(pages,
                                new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(pathPattern("/api/**"),
                                new ContentSecurityPolicyHeaderWriter(API_POLICY))))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problem(json, response, HttpStatus.UNAUTHORIZED,
                                    "a valid bearer token is required: Authorization: Bearer <token>");
                        })
                        .accessDeniedHandler((request, response, denied) -> problem(json, response, HttpStatus.FORBIDDEN,
                                "this token's role may not " + request.getMethod() + " " + request.getRequestURI())))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN.name())
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        // The dashboards' pages and scripts hold no data: they ask for a token and call the API with it.
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/dashboard/**", "/favicon.ico").permitAll()

                        .requestMatchers(HttpMethod.POST, "/api/v1/sites", "/api/v1/traders").hasRole(GOVERNANCE.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/reference-prices/*", "/api/v1/minerals/*/demand",
                                "/api/v1/plans/*/*")
                        .hasRole(GOVERNANCE.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/disruptions", "/api/v1/disruptions/*/end")
                        .hasRole(GOVERNANCE.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/manufacturers", "/api/v1/commitments")
                        .hasRole(GOVERNANCE.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/periods/close").hasRole(GOVERNANCE.name())

                        .requestMatchers(HttpMethod.POST, "/api/v1/sites/*/deposits", "/api/v1/sites/*/withdrawals",
                                "/api/v1/transfers", "/api/v1/transfers/*/receipt", "/api/v1/commitments/*/settlement",
                                "/api/v1/sites/*/deposits/*/reversal", "/api/v1/sites/*/withdrawals/*/reversal",
                                "/api/v1/sites/*/counts")
                        .hasRole(OPERATOR.name())
                        // The controller lets a manufacturer act only on its own commitments.
                        .requestMatchers(HttpMethod.POST, "/api/v1/commitments/*/draws",
                                "/api/v1/commitments/*/replenishments")
                        .hasAnyRole(OPERATOR.name(), MANUFACTURER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/commitments/*/transfers")
                        .hasAnyRole(GOVERNANCE.name(), MANUFACTURER.name())

                        .requestMatchers(HttpMethod.POST, "/api/v1/financing/**").hasRole(TREASURY.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/scenarios")
                        .hasAnyRole(GOVERNANCE.name(), TREASURY.name(), AUDITOR.name())

                        .requestMatchers("/api/v1/audit/**").hasRole(AUDITOR.name())
                        .requestMatchers("/api/v1/admin/**").hasRole(ADMIN.name())

                        // What a manufacturer may read, and nothing else; the controllers narrow its
                        // commitments, draws, manufacturer record and entitlements to its own.
                        .requestMatchers(manufacturerReads()).authenticated()
                        .requestMatchers(reads()).hasAnyRole(GOVERNANCE.name(), OPERATOR.name(), TREASURY.name(),
                                AUDITOR.name(), ADMIN.name())
                        // A command without a rule above is nobody's until the roles table names its role.
                        .requestMatchers("/api/v1/**").denyAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /** GET and HEAD alike, since Spring MVC answers HEAD with the GET handler. */
    private static RequestMatcher manufacturerReads() {
        return new OrRequestMatcher(MANUFACTURER_READS.stream()
                .flatMap(path -> Stream.of(pathPattern(HttpMethod.GET, path), pathPattern(HttpMethod.HEAD, path)))
                .map(RequestMatcher.class::cast)
                .toList());
    }

    private static RequestMatcher reads() {
        return new OrRequestMatcher(pathPattern(HttpMethod.GET, "/api/v1/**"), pathPattern(HttpMethod.HEAD, "/api/v1/**"));
    }

    @Bean
    HttpFirewall firewall() {
        return new ReadingFirewall();
    }

    /**
     * Requests the firewall refuses (encoded semicolons, traversal, control characters in a header,
     * a query string Tomcat cannot parse) get a problem, like any other bad input.
     */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(JsonMapper json) {
        return (request, response, rejected) -> {
            if (rejected instanceof RejectedRequestPart part && part.header() != null) {
                ProblemDetail problem = ContainerProblems.at(ContainerProblems.of(part.status(), "the request is invalid"),
                        request.getRequestURI());
                problem.setType(URI.create("urn:problem-type:reserve-ledger:invalid-request"));
                problem.setProperty("errors", List.of(Map.of("field", part.header(), "message", part.getMessage())));
                ContainerProblems.write(json, response, problem);
            } else if (rejected instanceof RejectedRequestPart part) {
                ContainerProblems.write(json, response,
                        ContainerProblems.at(ContainerProblems.of(part.status(), part.getMessage()), request.getRequestURI()));
            } else {
                problem(json, response, HttpStatus.BAD_REQUEST, "the request URL is not acceptable: " + rejected.getMessage());
            }
        };
    }

    /** No user names or passwords exist; this keeps Spring Boot from generating a default user. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    private static void problem(JsonMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ContainerProblems.write(json, response, ContainerProblems.of(status.value(), detail));
    }
}
