package org.workrelief.self;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

/**
 * The worker's self-service session in the HTTP session: started after a right PIN (with a new session
 * id), read (and its idle time started again) by every self-service page, ended on sign-out or when idle
 * too long. Any page acting for the worker (a complaint filed from the self-service page, say) asks
 * {@link #current} and acts only for the worker it answers.
 */
@Component
public class SelfSessions {

    private final SelfSignIn signIn;

    SelfSessions(SelfSignIn signIn) {
        this.signIn = signIn;
    }

    public void start(HttpServletRequest request, SelfSession session) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SelfSession.ATTRIBUTE, session);
    }

    /** The live self-service session of this browser, touched; null (and dropped) when none or idle too long. */
    public SelfSession current(HttpServletRequest request) {
        HttpSession http = request.getSession(false);
        if (http == null || !(http.getAttribute(SelfSession.ATTRIBUTE) instanceof SelfSession stored)) {
            return null;
        }
        SelfSession touched = signIn.touch(stored, request.getRemoteAddr());
        if (touched == null) {
            http.removeAttribute(SelfSession.ATTRIBUTE);
        }
        else {
            http.setAttribute(SelfSession.ATTRIBUTE, touched);
        }
        return touched;
    }

    /** Ends the self-service session of this browser (audited), if there is one; the staff sign-in, if any, stays. */
    public void end(HttpServletRequest request) {
        HttpSession http = request.getSession(false);
        if (http != null && http.getAttribute(SelfSession.ATTRIBUTE) instanceof SelfSession session) {
            http.removeAttribute(SelfSession.ATTRIBUTE);
            signIn.signOut(session, request.getRemoteAddr());
        }
    }
}
