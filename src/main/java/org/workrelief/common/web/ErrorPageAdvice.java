package org.workrelief.common.web;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.workrelief.common.NotFoundException;

/**
 * Turns the two failures every screen can meet into pages a user understands: a record that
 * does not exist (or is another town's) is a 404, and a record changed by someone else while
 * the user edited it asks them to reload rather than silently overwriting the other person's work.
 */
@ControllerAdvice
class ErrorPageAdvice {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    /** A unique key hit by two people saving the same thing at once: the later one is asked to reload. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflictingWrite() {
        return "error/409";
    }

    /**
     * An upload endpoint reached without a file: a POST that is not multipart (a form without its
     * enctype, a script, a reload of a redirected request), or a multipart POST without the file part.
     */
    @ExceptionHandler({ org.springframework.web.multipart.MultipartException.class,
            org.springframework.web.multipart.support.MissingServletRequestPartException.class })
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String noFileUploaded() {
        return "error/upload";
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String changedBySomeoneElse() {
        return "error/409";
    }
}
