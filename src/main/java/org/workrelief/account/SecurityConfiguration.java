package org.workrelief.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may open what. Pages need a signed-in user; user and town administration needs ADMIN. The
 * headers forbid inline script (the pages load their scripts from our own webjars and static
 * files), framing and MIME sniffing; every form carries a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginLockoutPolicy.class)
@EnableMethodSecurity
class SecurityConfiguration {

    // style-src stays 'self' (no 'unsafe-inline', not even style-src-attr): the dashboard charts draw on
    // canvas, because ECharts' SVG renderer writes a style="" attribute on every text element, which this
    // policy refuses; the canvas renderer styles its elements through the CSSOM, which the policy allows.
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Checks the password before it says anything about the account: a wrong password answers
     * "wrong user name or password" whether the name is unknown, locked or disabled, so nobody can tell
     * real user names from typed ones by reaching "locked" (an unknown name never would). Only someone
     * who typed the right password learns that the account is locked or disabled. An unknown name still
     * costs a password hash (the provider hashes a dummy), so the answer's timing tells nothing either.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();
        provider.setPreAuthenticationChecks(beforePassword -> {
        });
        provider.setPostAuthenticationChecks(accountStatus);
        return provider;
    }

    /**
     * Knows every signed-in session, so a disabled or changed account can be signed out at once. The
     * sessions are rows in PostgreSQL (Spring Session JDBC, table spring_session), found by the user
     * name, so this works whichever instance the user signed in on: ending a session marks the row,
     * and every instance reads the row on the next request. (An in-memory registry would know only
     * the sessions of its own instance; nor is an HttpSessionEventPublisher needed any more: nothing
     * keeps a list that session events would have to update.) The session of the request being served
     * is not read a second time ({@link RequestSessionRegistry}).
     */
    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new RequestSessionRegistry<>(sessions);
    }

    /**
     * Writes new session attributes with {@code insert ... on conflict do update}: two requests of one
     * session at once (a page and its htmx fragments) that both add the same attribute, such as the
     * CSRF token, then do not fail on the primary key of spring_session_attributes.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionQueries() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * No Micrometer observation around every security filter, authentication and authorization: with
     * one observation (and meter lookups) per filter per request they took about a sixth of the device
     * API's CPU, and nothing reads them (no tracing is set up; only /actuator/health is exposed). The
     * request as a whole is still timed by {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccountService accounts, SessionRegistry sessions)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/webjars/**", "/static/**", "/favicon.ico",
                                "/error", "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // the public payout notice (公示): read-only, reached by an unguessable link
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/notice/*").permitAll()
                        // the towns' public pages (公开信息): read-only, nothing personal
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/public", "/public/**").permitAll()
                        // 本人查询: the worker's own lookup by worker code and PIN, a session of its own (org.workrelief.self)
                        .requestMatchers("/self", "/self/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(successHandler(accounts))
                        .failureHandler(failureHandler(accounts))
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signInFirst()))
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredUrl("/login?expired"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * Sends a visitor who is not signed in to the login page by a relative {@code Location}: built from
     * the request's Host header, it would send them wherever a forged header says (see also
     * server.tomcat.use-relative-redirects).
     */
    private static LoginUrlAuthenticationEntryPoint signInFirst() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    private static AuthenticationSuccessHandler successHandler(AccountService accounts) {
        SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        redirect.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            retryOnce(() -> accounts.recordSuccessfulLogin(authentication.getName()));
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Counts the failure (which may lock the account) and says on the login page which kind it was. */
    private static AuthenticationFailureHandler failureHandler(AccountService accounts) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            String kind = exception instanceof LockedException ? "locked"
                    : exception instanceof DisabledException ? "disabled" : "bad";
            retryOnce(() -> accounts.recordFailedLogin(request.getParameter("username"), kind));
            redirect(request, response, "/login?error=" + kind);
        };
    }

    /** Two sign-ins of the same account at the same moment race on its lock-out counter; one retry settles it. */
    private static void retryOnce(Runnable action) {
        try {
            action.run();
        }
        catch (OptimisticLockingFailureException raced) {
            action.run();
        }
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        response.sendRedirect(request.getContextPath() + path);
    }
}
