package org.workrelief.common;

/**
 * The record asked for does not exist, or exists in a town the user may not see: both answer 404,
 * so a link to another town's record reveals nothing about it.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
