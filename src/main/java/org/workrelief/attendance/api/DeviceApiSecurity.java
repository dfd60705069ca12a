package org.workrelief.attendance.api;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.workrelief.attendance.DeviceToken;
import org.workrelief.attendance.DeviceTokenService;

/**
 * The device API's own security: stateless, no session, no CSRF (no browser, no cookies), and a
 * bearer token per terminal. A missing, unknown or revoked token answers 401 with a JSON body.
 */
@Configuration(proxyBeanMethods = false)
class DeviceApiSecurity {

    static final String DEVICE_ROLE = "ROLE_DEVICE";

    static final String UNAUTHORIZED_MESSAGE = "设备令牌缺失、无效或已吊销";

    @Bean
    @Order(1)
    SecurityFilterChain deviceApiFilterChain(HttpSecurity http, DeviceTokenService tokens) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(DEVICE_ROLE))
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> unauthorized(response))
                        .accessDeniedHandler((request, response, e) -> unauthorized(response)));
        return http.build();
    }

    private static void unauthorized(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.getWriter().write("{\"code\":\"UNAUTHORIZED\",\"message\":\"" + UNAUTHORIZED_MESSAGE + "\"}");
    }

    /** The authenticated terminal: its token (and so its project). */
    static final class DeviceAuthentication extends AbstractAuthenticationToken {

        private final DeviceToken token;

        DeviceAuthentication(DeviceToken token) {
            super(List.of(new SimpleGrantedAuthority(DEVICE_ROLE)));
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public DeviceToken getPrincipal() {
            return token;
        }

        @Override
        public String getName() {
            return "device:" + token.id() + ":" + token.name();
        }
    }

    private static final class BearerTokenFilter extends OncePerRequestFilter {

        private final DeviceTokenService tokens;

        BearerTokenFilter(DeviceTokenService tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                tokens.authenticate(header.substring(7)).ifPresent(token ->
                        SecurityContextHolder.getContext().setAuthentication(new DeviceAuthentication(token)));
            }
            chain.doFilter(request, response);
        }
    }
}
