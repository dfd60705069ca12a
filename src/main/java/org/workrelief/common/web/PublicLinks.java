package org.workrelief.common.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links that leave the screen — printed as QR codes on worker cards, public notices and sign boards, or sent
 * by SMS — are built from the configured public address ({@code workrelief.public-url}), never from the
 * request's Host header: a card printed in the town office from an internal address, or from a request whose
 * Host was forged, would otherwise send villagers to a page that is not ours.
 */
@Component
public class PublicLinks {

    private final String base;

    public PublicLinks(@Value("${workrelief.public-url:}") String publicUrl) {
        this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The public address of a path of ours, each segment encoded: {@code to("public", "projects", code)}. */
    public String to(String... pathSegments) {
        return UriComponentsBuilder.fromUriString(base).pathSegment(pathSegments).build().encode().toUriString();
    }

    /** One path segment with one query parameter (a separate name, so three segments never mean this), e.g. the worker code on a card's self-service link. */
    public String withQuery(String pathSegment, String queryName, String queryValue) {
        return UriComponentsBuilder.fromUriString(base).pathSegment(pathSegment).queryParam(queryName, queryValue)
                .build().encode().toUriString();
    }
}
