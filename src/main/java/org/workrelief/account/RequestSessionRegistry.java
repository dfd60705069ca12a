package org.workrelief.account;

import java.util.Date;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Spring Session's registry, except for the session of the request being served: Spring Security asks
 * on every request whether that session was ended elsewhere ({@code ConcurrentSessionFilter}), and the
 * library answered by reading the session's row from PostgreSQL a second time. Spring Session has
 * already read it for this request; its attributes, including the library's "expired" mark, are as
 * fresh as a second read would be. Every other session is still looked up in the database.
 */
class RequestSessionRegistry<S extends Session> extends SpringSessionBackedSessionRegistry<S> {

    /** The attribute {@code SpringSessionBackedSessionInformation.expireNow()} sets (package-private there). */
    static final String EXPIRED_ATTRIBUTE = "org.springframework.session.security.SpringSessionBackedSessionInformation.EXPIRED";

    RequestSessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        super(sessions);
    }

    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        HttpSession current = currentSession();
        String principal = current == null || !current.getId().equals(sessionId) ? null : principalOf(current);
        if (principal == null) {
            return super.getSessionInformation(sessionId);
        }
        SessionInformation information = new SessionInformation(principal, sessionId,
                new Date(current.getLastAccessedTime()));
        if (Boolean.TRUE.equals(current.getAttribute(EXPIRED_ATTRIBUTE))) {
            information.expireNow();
        }
        return information;
    }

    private static HttpSession currentSession() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getSession(false);
        }
        return null;
    }

    private static String principalOf(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        Authentication authentication = context instanceof SecurityContext security ? security.getAuthentication() : null;
        return authentication == null ? null : authentication.getName();
    }
}
