package org.reserveledger.api.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;

import static org.reserveledger.api.security.Role.ADMIN;
import static org.reserveledger.api.security.Role.AUDITOR;
import static org.reserveledger.api.security.Role.GOVERNANCE;
import static org.reserveledger.api.security.Role.MANUFACTURER;
import static org.reserveledger.api.security.Role.OPERATOR;
import static org.reserveledger.api.security.Role.TREASURY;

/**
 * Who may call what: the roles table of the REST contract. Stateless; no sessions, no cookies.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenRegistry tokens, JsonMapper json) throws Exception {
        http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
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

                        .requestMatchers(HttpMethod.POST, "/api/v1/sites").hasRole(GOVERNANCE.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/reference-prices/*").hasRole(GOVERNANCE.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/disruptions", "/api/v1/disruptions/*/end")
                        .hasRole(GOVERNANCE.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/manufacturers", "/api/v1/commitments")
                        .hasRole(GOVERNANCE.name())

                        .requestMatchers(HttpMethod.POST, "/api/v1/sites/*/deposits", "/api/v1/sites/*/withdrawals",
                                "/api/v1/transfers", "/api/v1/transfers/*/receipt", "/api/v1/commitments/*/settlement")
                        .hasRole(OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/commitments/*/draws",
                                "/api/v1/commitments/*/replenishments")
                        .hasAnyRole(OPERATOR.name(), MANUFACTURER.name())

                        .requestMatchers(HttpMethod.POST, "/api/v1/financing/**").hasRole(TREASURY.name())

                        .requestMatchers("/api/v1/audit/**").hasRole(AUDITOR.name())
                        .requestMatchers("/api/v1/admin/**").hasRole(ADMIN.name())

                        .requestMatchers(HttpMethod.GET, "/api/v1/**").authenticated()
                        .anyRequest().authenticated());
        return http.build();
    }

    /** Requests the firewall refuses (encoded semicolons, traversal) get a problem, like any other bad input. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(JsonMapper json) {
        return (request, response, rejected) -> problem(json, response, HttpStatus.BAD_REQUEST,
                "the request URL is not acceptable: " + rejected.getMessage());
    }

    /** No user names or passwords exist; this keeps Spring Boot from generating a default user. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    private static void problem(JsonMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:problem-type:reserve-ledger:http-" + status.value()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
